import Foundation

extension FrameworkContent {
    /// This content (a later version fetched from where `previous` came from) with what was
    /// written for `previous` here and that the source does not say: behaviours of competencies
    /// the source gives none for (matched by code, on the same levels), and translations of the
    /// texts that did not change. Returns the codes whose behaviours were kept.
    public func keepingWhatWasWrittenHere(for previous: FrameworkContent) -> (
        content: FrameworkContent, keptBehaviours: [String]
    ) {
        var content = self
        var kept: [String] = []
        let written = Dictionary(
            previous.competencies.map { ($0.code, $0.standards) }, uniquingKeysWith: { first, _ in first })
        if levels == previous.levels {
            for categoryIndex in content.categories.indices {
                for index in content.categories[categoryIndex].competencies.indices {
                    let competency = content.categories[categoryIndex].competencies[index]
                    guard competency.standards.allSatisfy(\.behaviours.isEmpty),
                        let standards = written[competency.code], !standards.allSatisfy(\.behaviours.isEmpty)
                    else { continue }
                    content.categories[categoryIndex].competencies[index].standards = standards
                    kept.append(competency.code)
                }
            }
        }
        content.translations = previous.translations
        return (content.keepingCurrentTranslations(since: previous), kept)
    }
}
