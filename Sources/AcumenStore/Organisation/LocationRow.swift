import FluentKit
import Foundation

final class LocationRow: Model, @unchecked Sendable {
    static let schema = "locations"

    @ID(key: .id) var id: UUID?
    /// The city, or `remote` for people who work from home.
    @Field(key: "city") var city: String
    @Field(key: "country") var country: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(city: String, country: String) {
        self.city = city
        self.country = country
    }
}
