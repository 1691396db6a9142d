import AcumenCore
import SQLKit

/// The columns that store one behaviour-grid answer (see `CompetencyRatingInput`): ticks as
/// `level:position` pairs, not observed, a chosen level with its reason, a comment, and the
/// resulting level. Shared by calibration ratings, master ratings and second ratings.
enum BehaviourRatingColumns {
    static func names(_ table: String) -> String {
        let prefix = table.isEmpty ? "" : table + "."
        return ["ticks", "not_observed", "override_level", "override_reason", "comment", "level"].map { prefix + $0 }
            .joined(separator: ", ")
    }

    static func values(_ rating: CompetencyRatingInput, framework: FrameworkContent) -> SQLQueryString {
        let ticks = rating.observed.sorted { $0.key < $1.key }.flatMap { level, positions in
            positions.sorted().map { "\(level):\($0)" }
        }.joined(separator: " ")
        return """
            \(bind: ticks), \(bind: rating.notObserved), \(bind: rating.overrideLevel), \(bind: rating.overrideReason),
            \(bind: rating.comment), \(bind: rating.level(in: framework))
            """
    }

    static func rating(_ row: any SQLRow) throws -> (CompetencyRatingInput, Int?) {
        var observed: [Int: Set<Int>] = [:]
        for tick in try row.decode(column: "ticks", as: String.self).split(separator: " ") {
            let parts = tick.split(separator: ":")
            if parts.count == 2, let level = Int(parts[0]), let position = Int(parts[1]) {
                observed[level, default: []].insert(position)
            }
        }
        let input = CompetencyRatingInput(
            competencyCode: try row.decode(column: "competency_code", as: String.self), observed: observed,
            notObserved: try row.decode(column: "not_observed", as: Bool.self),
            overrideLevel: try row.decode(column: "override_level", as: Int?.self),
            overrideReason: try row.decode(column: "override_reason", as: String.self),
            comment: try row.decode(column: "comment", as: String.self))
        return (input, try row.decode(column: "level", as: Int?.self))
    }
}
