/// A whole page as views render it: HTML text, no HTTP. The controller that asked for it makes
/// the response (`response(status:)`), so views neither know nor choose status codes or headers.
struct HTMLPage: Sendable {
    let html: String
    /// The BCP 47 tag of the language the page is written in, sent as `Content-Language`.
    var language = "en"
}
