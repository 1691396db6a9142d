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
}
