import Vapor

extension HTMLPage {
    /// The page as an HTTP response. Pages show personal data, so no cache keeps them.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: html))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
