import AcumenCore

/// Rendered HTML that is the same for every reader, kept so that it is rendered once: the
/// content of published framework versions, of individual reports and of the catalogue's
/// filtered listings. One per application, injected into pages through `PageContext` and into
/// controllers through the application, so that no view or controller keeps a cache of its own.
///
/// Keys name what the HTML was made from (a frozen version, or a cycle's state), never who asked.
final class RenderCache: Sendable {
    enum Kind: String, Sendable {
        case frameworkPart
        case report
        case catalogueListing
        case dashboardResults
    }

    private let entries = BoundedCache<String, String>(capacity: 512)
    /// A listing's key comes from the address a reader typed, so listings have room of their
    /// own: made-up filters can only push out other listings, never reports.
    private let listings = BoundedCache<String, String>(capacity: 128)

    private func store(for kind: Kind) -> BoundedCache<String, String> {
        kind == .catalogueListing ? listings : entries
    }

    /// The HTML stored under this key, or `render`'s result, which is stored for next time.
    func html(_ kind: Kind, key: String, render: () -> String) -> String {
        store(for: kind).value(for: "\(kind.rawValue)|\(key)", make: render)
    }

    subscript(kind: Kind, key: String) -> String? {
        get { store(for: kind)["\(kind.rawValue)|\(key)"] }
        set { store(for: kind)["\(kind.rawValue)|\(key)"] = newValue }
    }
}
