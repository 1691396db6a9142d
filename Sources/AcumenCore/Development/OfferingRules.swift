import Foundation

/// What every offering must be, however it arrives (a form, a file, the demo).
public enum OfferingRules {
    public static let maximumMinutes = 60 * 24 * 30

    /// Problems with one offering's own fields. `fields` are the texts as they arrived, for
    /// the values a decoder would otherwise have replaced.
    public static func problems(
        _ offering: Offering, categories: [String],
        fields: (format: String, duration: String, phase: String)? = nil
    ) -> [CatalogueText] {
        var problems: [CatalogueText] = []
        if offering.code.isEmpty || offering.code.count > TextLimits.code
            || !offering.code.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        {
            problems.append(CatalogueText(CatalogueMessage.codeInvalid, ["code": offering.code]))
        }
        if offering.title.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(CatalogueText(ImportProblemMessage.required, ["column": "title"]))
        }
        for (column, text, limit) in [
            ("title", offering.title, TextLimits.name), ("summary", offering.summary, TextLimits.description),
            ("provider", offering.provider, TextLimits.name), ("owner", offering.owner, TextLimits.name),
            ("link", offering.link, TextLimits.name), ("xapi_activity_id", offering.xapiActivityID, TextLimits.name),
        ] where text.count > limit {
            problems.append(CatalogueText(ImportProblemMessage.tooLong, ["column": column, "limit": "\(limit)"]))
        }
        if !categories.contains(where: { $0.caseInsensitiveCompare(offering.category) == .orderedSame }) {
            problems.append(
                CatalogueText(
                    CatalogueMessage.unknownCategory,
                    ["category": offering.category, "categories": categories.joined(separator: ", ")]))
        }
        if let fields, OfferingFormat(rawValue: fields.format) == nil {
            problems.append(CatalogueText(CatalogueMessage.unknownFormat, ["format": fields.format]))
        }
        if let fields, LearningPhase(rawValue: fields.phase) == nil {
            problems.append(CatalogueText(CatalogueMessage.unknownPhase, ["phase": fields.phase]))
        }
        let durationRead = fields.map { Int($0.duration) != nil } ?? true
        if !durationRead || !(1...maximumMinutes).contains(offering.durationMinutes) {
            problems.append(
                CatalogueText(
                    CatalogueMessage.duration, ["value": fields?.duration ?? "\(offering.durationMinutes)"]))
        }
        if ContentLanguage(tag: offering.language) == nil {
            problems.append(CatalogueText(CatalogueMessage.language, ["language": offering.language]))
        }
        if !offering.link.isEmpty && !isWebAddress(offering.link) {
            problems.append(CatalogueText(CatalogueMessage.link, ["link": offering.link]))
        }
        if !offering.xapiActivityID.isEmpty && URL(string: offering.xapiActivityID)?.scheme == nil {
            problems.append(CatalogueText(CatalogueMessage.activityID, ["id": offering.xapiActivityID]))
        }
        return problems
    }

    public static func prerequisiteProblems(_ offering: Offering, knownCodes: Set<String>) -> [CatalogueText] {
        offering.prerequisites.compactMap { code in
            if code.caseInsensitiveCompare(offering.code) == .orderedSame {
                return CatalogueText(CatalogueMessage.ownPrerequisite)
            }
            return knownCodes.contains(code.lowercased())
                ? nil : CatalogueText(CatalogueMessage.unknownPrerequisite, ["code": code])
        }
    }

    /// Whether following prerequisites from `code` leads back to it.
    public static func isInCycle(_ code: String, all: [String: Offering]) -> Bool {
        var seen: Set<String> = []
        var next = all[code.lowercased()]?.prerequisites.map { $0.lowercased() } ?? []
        while let current = next.popLast() {
            if current == code.lowercased() { return true }
            guard seen.insert(current).inserted else { continue }
            next += all[current]?.prerequisites.map { $0.lowercased() } ?? []
        }
        return false
    }

    /// Reads `OM.3 Baseline>Advanced; KE.1 Advanced>Expert` against a framework's competencies
    /// and level names (level numbers from 1 are read too); an entry may name another
    /// framework first (`Account Management Essentials: CN.1 Baseline>Advanced`).
    static func targets(
        _ text: String, in main: KnownFramework?, frameworks: [KnownFramework], problems: inout [CatalogueText]
    ) -> [CompetencyTarget] {
        let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var targets: [CompetencyTarget] = []
        for part in parts {
            var entry = Substring(part)
            var framework = main
            if let colon = part.lastIndex(of: ":") {
                let name = part[..<colon].trimmingCharacters(in: .whitespaces)
                framework = OfferingsCSV.frameworkNamed(name, in: frameworks)
                entry = part[part.index(after: colon)...]
                if framework == nil {
                    problems.append(CatalogueText(CatalogueMessage.unknownFramework, ["framework": name]))
                    continue
                }
            }
            guard let framework else {
                problems.append(CatalogueText(CatalogueMessage.frameworkNeeded))
                continue
            }
            if let target = target(entry.trimmingCharacters(in: .whitespaces), in: framework, problems: &problems) {
                targets.append(target)
            }
        }
        return targets
    }

    private static func target(_ part: String, in framework: KnownFramework, problems: inout [CatalogueText])
        -> CompetencyTarget?
    {
        let levels = framework.content.levels
        func level(_ name: Substring) -> Int? {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if let number = Int(trimmed), (1...levels.count).contains(number) { return number - 1 }
            return levels.names.firstIndex { $0.caseInsensitiveCompare(trimmed) == .orderedSame }
        }
        let pieces = part.split(separator: " ", maxSplits: 1)
        let span = pieces.count == 2 ? pieces[1].split(separator: ">") : []
        guard pieces.count == 2, span.count == 2, let from = level(span[0]), let to = level(span[1]) else {
            problems.append(CatalogueText(CatalogueMessage.target, ["value": part]))
            return nil
        }
        let code = String(pieces[0])
        guard
            let competency = framework.content.competencies.first(where: {
                $0.code.caseInsensitiveCompare(code) == .orderedSame
            })
        else {
            problems.append(
                CatalogueText(CatalogueMessage.unknownCompetency, ["code": code, "framework": framework.content.name]))
            return nil
        }
        guard from < to else {
            problems.append(CatalogueText(CatalogueMessage.levels, ["value": part]))
            return nil
        }
        return CompetencyTarget(
            frameworkID: framework.id, competencyCode: competency.code, fromLevel: from, toLevel: to)
    }

    private static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "https" || scheme == "http"
    }
}
