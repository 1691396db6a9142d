import Vapor

/// A stylesheet or script compiled into the binary, served with its type and an hour's caching.
enum CompiledAsset {
    static func response(_ source: String, type: HTTPMediaType) -> Response {
        let response = Response(status: .ok, body: .init(string: source))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }

    static let javascript = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
    static let css = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
}
