// GitHub's CommonMark parser (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev), used to
// render the answers' Markdown in the HTML export.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
