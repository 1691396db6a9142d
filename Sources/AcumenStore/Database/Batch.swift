import FluentKit

/// Multi-row inserts in slices: one statement per slice is far faster than a row at a time,
/// and slices keep each statement under PostgreSQL's limit of 65,535 bound values.
enum Batch {
    static let rowsPerStatement = 1000

    static func create<M: Model>(_ models: [M], on database: any Database) async throws {
        var start = models.startIndex
        while start < models.endIndex {
            let end = min(start + rowsPerStatement, models.endIndex)
            try await Array(models[start..<end]).create(on: database)
            start = end
        }
    }
}
