extension Array {
    /// The array in consecutive slices of at most `size` elements: large writes go to the
    /// database a few hundred rows per statement or transaction.
    public func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
