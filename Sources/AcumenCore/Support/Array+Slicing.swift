extension Array {
    /// The array in consecutive slices of at most `size` elements: large writes go to the
    /// database a few hundred rows per statement or transaction.
    public func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension Array {
    /// The element at `index`, or nil past either end: for rows that may be shorter than their headings.
    public subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
