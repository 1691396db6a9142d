import Vapor

extension HTMLPage {
    /// The page as an HTTP response. Pages show personal data, so no cache keeps them.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: html))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: .contentLanguage, value: language)
        // The same address answers in different languages for different readers.
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}
