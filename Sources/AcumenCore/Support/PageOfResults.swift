/// One page of a list that is too long to show at once: the page asked for, or the last one
/// when the address asks beyond the end (a list that shrank since the link was made).
public struct PageOfResults<Element: Sendable>: Sendable {
    public var items: [Element]
    /// How many there are on all pages together.
    public var matching: Int
    /// From 1.
    public var page: Int
    public var pages: Int

    public init(_ all: [Element], page: Int, size: Int) {
        precondition(size > 0, "a page holds at least one entry")
        pages = max(1, (all.count + size - 1) / size)
        self.page = min(max(1, page), pages)
        matching = all.count
        items = Array(all.dropFirst((self.page - 1) * size).prefix(size))
    }
}

extension PageOfResults: Equatable where Element: Equatable {}
extension PageOfResults: Hashable where Element: Hashable {}
