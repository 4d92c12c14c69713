#if canImport(Glibc)
    import Glibc
#endif

extension Fixtures {
    /// Whether this test process (and so the `onego` built with it) runs under AddressSanitizer.
    ///
    /// ASan keeps freed memory in a quarantine (256 MB by default) and adds shadow memory, so a bound on a child's
    /// peak resident size means nothing in that build; the normal build checks it.
    public static let isAddressSanitized: Bool = {
        guard let process = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(process) }
        return dlsym(process, "__asan_init") != nil
    }()
}
