import Foundation

extension String {
    /// The string as one value of a URL query: what would end the value or start another
    /// (`&`, `+`, `=`, `#`) is escaped with everything a query may not hold.
    var queryValueEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "+", "=", "#"])) ?? ""
    }
}
