import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Hands memory that Acumen has freed back to the operating system. glibc keeps freed memory
/// in its arenas for reuse, so after a burst (opening a cycle queues and mails thousands of
/// links) the process would go on holding its peak size; trimming now and then keeps the
/// resident size near what is in use. Trimming a large heap takes a while, so it is done on a
/// thread of its own rather than on an event loop, where requests would wait for it.
enum MemoryRelease {
    #if canImport(Glibc)
        /// glibc's `malloc_trim`, which Swift's Glibc module does not declare (it is in
        /// `malloc.h`), found in the running process once.
        private static let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
            unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
        }
    #endif

    static func trim() {
        #if canImport(Glibc)
            guard let mallocTrim else { return }
            DispatchQueue.global(qos: .utility).async { _ = mallocTrim(0) }
        #endif
    }
}
