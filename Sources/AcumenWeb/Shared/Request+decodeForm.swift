import Vapor

extension Request {
    /// A submitted form as a typed value. A form that cannot be read (fields missing, wrong
    /// types, a stale page) gets one plain message instead of a decoder's.
    func decodeForm<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(T.self)
        } catch {
            throw AppError.badRequest(
                "The form was incomplete. Go back, reload the page, fill in every required field and try again.")
        }
    }

    /// The posted fields as one value per name. A name sent twice is a forged form.
    ///
    /// Foundation's query parser reads the body rather than Vapor's form decoder: field names
    /// carry competency codes, which may contain brackets and dots that the decoder would read
    /// as nested keys, and a repeated name must be refused, not merged.
    func formFields() throws -> [String: String] {
        guard let body = body.string, !body.isEmpty else { return [:] }
        var components = URLComponents()
        // In a form body a space is "+"; the query parser reads "+" literally.
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        var fields: [String: String] = [:]
        for item in components.queryItems ?? [] where !item.name.isEmpty {
            if fields[item.name] != nil {
                throw AppError.badRequest(
                    "The form sent \(item.name) twice. Reload the page and try again.", field: item.name)
            }
            fields[item.name] = item.value ?? ""
        }
        return fields
    }
}
