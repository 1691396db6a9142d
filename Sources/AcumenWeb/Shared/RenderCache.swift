import AcumenCore

/// Rendered HTML that is the same for every reader, kept so that it is rendered once: the
/// content of published framework versions and of individual reports. One per application,
/// injected into pages through `PageContext` and into controllers through the application,
/// so that no view or controller keeps a cache of its own.
///
/// Keys name what the HTML was made from (a frozen version, or a cycle's state), never who asked.
final class RenderCache: Sendable {
    enum Kind: String, Sendable {
        case frameworkPart
        case report
    }

    private let entries = BoundedCache<String, String>(capacity: 512)

    /// The HTML stored under this key, or `render`'s result, which is stored for next time.
    func html(_ kind: Kind, key: String, render: () -> String) -> String {
        entries.value(for: "\(kind.rawValue)|\(key)", make: render)
    }

    subscript(kind: Kind, key: String) -> String? {
        get { entries["\(kind.rawValue)|\(key)"] }
        set { entries["\(kind.rawValue)|\(key)"] = newValue }
    }
}
