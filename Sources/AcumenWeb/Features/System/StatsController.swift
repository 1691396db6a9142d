import AcumenCore
import Vapor

/// `POST /api/v1/stats/agreement`: the agreement statistics of a rating table sent as CSV,
/// the same JSON as `acumen stats agreement`.
struct StatsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.permitted(SystemPolicy.self, .computeStatistics)).on(
            .POST, "api", "v1", "stats", "agreement", body: .collect(maxSize: "32mb"), use: agreement)
    }

    @Sendable func agreement(request: Request) async throws -> Response {
        guard request.headers.contentType?.subType == "csv" else {
            throw AppError(
                .unsupportedMediaType, code: "unsupported_media_type",
                message: "Send the rating table as text/csv: a header row of rater names, one row per unit.")
        }
        let text = request.query[String.self, at: "level"]
        let level = text.flatMap(MeasurementLevel.init(rawValue:))
        if text != nil && level == nil {
            throw AppError.badRequest("level is nominal, ordinal, interval or ratio.", field: "level")
        }
        let levels = level.map { [$0] }
        let pairsText = request.query[String.self, at: "pairs"]
        guard pairsText == nil || pairsText == "true" || pairsText == "false" else {
            throw AppError.badRequest("pairs is true or false.", field: "pairs")
        }
        let pairs = pairsText == "true"
        let body = request.body.data.map { Data(buffer: $0) } ?? Data()
        let table: RatingTableReader.Table
        do {
            table = try RatingTableReader.read(body)
        } catch {
            throw AppError(
                .unprocessableEntity, code: "invalid_table", message: "The table cannot be read: \(error).",
                field: error.column.map { "line \(error.line), column \($0)" } ?? "line \(error.line)")
        }
        // A million cells take a few milliseconds; larger tables should not hold an event loop.
        let report = try await request.application.threadPool.runIfActive {
            AgreementReport.compute(table.matrix, raterNames: table.raters, levels: levels, pairs: pairs)
        }
        let response = Response(status: .ok, body: .init(string: try StatsCommandLine.json(report)))
        response.headers.contentType = .json
        return response
    }
}
