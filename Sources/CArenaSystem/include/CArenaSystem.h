#ifndef C_ARENA_SYSTEM_H
#define C_ARENA_SYSTEM_H

// C library calls Swift's Glibc module does not bring in.

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>

/// Sets glibc's malloc parameters (see MemoryTuning.swift): a fixed mmap threshold, so large
/// blocks are always mapped and unmapped on their own, and at most `arenas` heaps.
static inline void arena_tune_malloc(int mmap_threshold, int arenas) {
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_ARENA_MAX, arenas);
}
#else
static inline void arena_tune_malloc(int mmap_threshold, int arenas) {
    (void)mmap_threshold;
    (void)arenas;
}
#endif

#endif
