// libedit, seen from Swift. libedit's configuration calls (el_set, history) are variadic, which
// Swift cannot call, so each one arena uses gets a fixed-signature inline wrapper here.
#ifndef ARENA_CLIBEDIT_SHIM_H
#define ARENA_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

typedef unsigned char (*arena_el_command_t)(EditLine *, int);
typedef char *(*arena_el_prompt_t)(EditLine *);
typedef int (*arena_el_getc_t)(EditLine *, wchar_t *);

static inline int arena_el_set_prompt(EditLine *el, arena_el_prompt_t prompt) {
    return el_set(el, EL_PROMPT, prompt);
}

static inline int arena_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int arena_el_set_getc(EditLine *el, arena_el_getc_t getc_fn) {
    return el_set(el, EL_GETCFN, getc_fn);
}

static inline int arena_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int arena_el_add_function(EditLine *el, const char *name, const char *help, arena_el_command_t fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int arena_el_bind(EditLine *el, const char *keys, const char *command) {
    return el_set(el, EL_BIND, keys, command, NULL);
}

static inline int arena_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int arena_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

static inline int arena_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int arena_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int arena_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int arena_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int arena_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

#endif
