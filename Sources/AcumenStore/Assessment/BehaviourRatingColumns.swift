import AcumenCore
import SQLKit

/// The columns that store one behaviour-grid answer (see `CompetencyRatingInput`): the ticks
/// (written as the raters' responses write them, see `encodeTicks`), not observed, a chosen level with its reason, a comment, and the
/// resulting level. Shared by calibration ratings, master ratings and second ratings.
enum BehaviourRatingColumns {
    static func names(_ table: String) -> String {
        let prefix = table.isEmpty ? "" : table + "."
        return ["ticks", "not_observed", "override_level", "override_reason", "comment", "level"].map { prefix + $0 }
            .joined(separator: ", ")
    }

    static func values(_ rating: CompetencyRatingInput, framework: FrameworkContent) -> SQLQueryString {
        return """
            \(bind: encodeTicks(rating.observed)), \(bind: rating.notObserved), \(bind: rating.overrideLevel), \(bind: rating.overrideReason),
            \(bind: rating.comment), \(bind: rating.level(in: framework))
            """
    }

    static func rating(_ row: any SQLRow) throws -> (CompetencyRatingInput, Int?) {
        let input = CompetencyRatingInput(
            competencyCode: try row.decode(column: "competency_code", as: String.self),
            observed: decodeTicks(try row.decode(column: "ticks", as: String.self)),
            notObserved: try row.decode(column: "not_observed", as: Bool.self),
            overrideLevel: try row.decode(column: "override_level", as: Int?.self),
            overrideReason: try row.decode(column: "override_reason", as: String.self),
            comment: try row.decode(column: "comment", as: String.self))
        return (input, try row.decode(column: "level", as: Int?.self))
    }

    /// Ticked behaviours as `level:position,position;level:position`, levels ascending.
    static func encodeTicks(_ observed: [Int: Set<Int>]) -> String {
        observed.keys.sorted().map { level in
            "\(level):" + observed[level, default: []].sorted().map(String.init).joined(separator: ",")
        }.joined(separator: ";")
    }

    static func decodeTicks(_ text: String) -> [Int: Set<Int>] {
        var observed: [Int: Set<Int>] = [:]
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, let level = Int(pieces[0]) else { continue }
            observed[level] = Set(pieces[1].split(separator: ",").compactMap { Int($0) })
        }
        return observed
    }
}
