import Foundation

/// Where a browser may be sent after signing in: a path on this site, nothing else.
enum SafeRedirect {
    /// The target when it is a plain path on this site, else nil. Browsers drop tabs and line
    /// breaks from URLs and read a backslash as a slash, so `/\t/evil.example` and `/\evil.example`
    /// would leave the site; any control character, space, backslash or non-ASCII character is
    /// refused, and so is anything that names a scheme or a host, before or after decoding.
    static func path(_ target: String?) -> String? {
        guard let target, target.utf8.count <= 2048, target.hasPrefix("/") else { return nil }
        func plain(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }
        }
        guard plain(target), !target.hasPrefix("//"), let decoded = target.removingPercentEncoding,
            plain(decoded), !decoded.hasPrefix("//"), let components = URLComponents(string: target),
            components.scheme == nil, components.host == nil, components.user == nil
        else { return nil }
        return target
    }
}
