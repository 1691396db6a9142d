import Foundation

/// Small constructors that keep the built-in models readable as prose.
///
/// Identifiers are derived from the model key and the code, so each built-in model has
/// the same CASE identifiers wherever Acumen is installed.
struct FrameworkBuilder {
    let key: String

    func framework(
        name: String, description: String, owner: String, categories: [CategoryContent]
    ) -> FrameworkContent {
        FrameworkContent(
            identifier: .stable(named: "\(key)/document"), name: name, description: description,
            owner: owner, levels: .standard, categories: categories)
    }

    func category(
        _ code: String, _ title: String, _ description: String, _ competencies: [CompetencyContent]
    ) -> CategoryContent {
        CategoryContent(
            identifier: .stable(named: "\(key)/category/\(code)"), code: code, title: title,
            description: description, competencies: competencies)
    }

    func competency(
        _ code: String, _ title: String, _ description: String,
        baseline: [String], advanced: [String], expert: [String]
    ) -> CompetencyContent {
        CompetencyContent(
            identifier: .stable(named: "\(key)/competency/\(code)"), code: code, title: title,
            description: description,
            standards: [
                LevelStandard(level: 0, behaviours: baseline),
                LevelStandard(level: 1, behaviours: advanced),
                LevelStandard(level: 2, behaviours: expert),
            ])
    }
}
