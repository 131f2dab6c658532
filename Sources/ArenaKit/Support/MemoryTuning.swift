import CArenaSystem

/// Settings for the C allocator that keep arena's resident memory close to what it really
/// holds, so that it stays flat over a long session.
///
/// glibc raises its mmap threshold each time a large block is freed, after which answers and
/// request bodies (hundreds of kilobytes in a long session) come from the heaps instead, where
/// freed pages are rarely given back; and each thread may get a heap of its own. With a fixed
/// threshold, large blocks are always mapped and unmapped on their own, and two heaps serve
/// arena's handful of threads. Elsewhere than glibc this does nothing.
public enum MemoryTuning {
    /// Applies the settings; call once, first thing in `main`.
    public static func apply() {
        arena_tune_malloc(64 * 1024, 2)
    }
}
