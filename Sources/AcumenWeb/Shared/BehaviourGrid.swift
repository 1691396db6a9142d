import AcumenCore
import Plot

/// The behaviour grid: for each competency, the behaviours of every level to tick, the level
/// the ticks show and why, "not observed", and a chosen level with its reason. The same grid
/// serves raters' forms, calibration participants and the expert panel's master ratings, so
/// that everyone rates with the same instrument.
struct BehaviourGrid: Component {
    var framework: FrameworkContent
    var fields: [String: String]
    /// For master ratings: the name of the rationale field of a competency.
    var rationaleField: ((String) -> String)? = nil
    /// Category headings are left out when a case shows only a few competencies.
    var showsCategories = true
    /// The grid's own words; a framework's content is shown as written.
    var text = Localizer(.english)

    init(
        framework: FrameworkContent, fields: [String: String], rationaleField: ((String) -> String)? = nil,
        showsCategories: Bool = true, text: Localizer = Localizer(.english)
    ) {
        self.framework = framework
        self.fields = fields
        self.rationaleField = rationaleField
        self.showsCategories = showsCategories
        self.text = text
    }

    static func competencyID(_ code: String) -> String { "c-" + code.map { $0.isLetter || $0.isNumber ? $0 : "-" } }

    /// The level the fields' ticks show for one competency; nil when nothing is ticked.
    static func derivedLevel(_ code: String, framework: FrameworkContent, fields: [String: String]) -> DerivedLevel? {
        guard let competency = framework.competencies.first(where: { $0.code == code }) else { return nil }
        let rating = RaterFormFields.ratings(from: fields, framework: framework).first { $0.competencyCode == code }
        return DerivedLevel.derive(
            levels: framework.levels, standards: competency.standards, observed: rating?.observed ?? [:])
    }

    /// The anchor of a category's heading, for the form's list of sections.
    static func sectionID(_ code: String) -> String { "section-" + code.map { $0.isLetter || $0.isNumber ? $0 : "-" } }

    var body: Component {
        Div {
            for (position, category) in framework.categories.enumerated() {
                if showsCategories {
                    let title = framework.text(
                        .categoryTitle(FrameworkPart.categoryKey(category, position: position)), in: text.language)
                    H2 {
                        Text(category.code.isEmpty ? "" : category.code + " ")
                        Span(title.text).written(in: title.language, on: text)
                    }.id(Self.sectionID(category.code))
                }
                for competency in category.competencies { fieldset(competency) }
            }
        }
    }

    private func content(_ part: FrameworkPart) -> Component { framework.span(part, text: text) }

    private func fieldset(_ competency: CompetencyContent) -> Component {
        let code = competency.code
        let levels = framework.levels
        let anyTicked = fields.contains { $0.key.hasPrefix("b:") && $0.key.hasSuffix(":\(code)") && $0.value == "on" }
        let derived = anyTicked ? Self.derivedLevel(code, framework: framework, fields: fields) : nil
        return Tag("fieldset") {
            Tag("legend") {
                Text("\(code) ")
                content(.competencyTitle(code))
            }
            Paragraph { content(.competencyDescription(code)) }.class("hint")
            for standard in competency.standards {
                Div {
                    if levels.name(at: standard.level) != nil {
                        H3 { content(.level(standard.level)) }
                    } else {
                        H3(text.text(GridMessage.levelNumber, ["number": text.integer(standard.level + 1)]))
                    }
                    for position in standard.behaviours.indices {
                        let name = RaterFormFields.behaviour(code, level: standard.level, position: position)
                        Tag("label") {
                            Input(type: .checkbox, name: name, value: "on")
                                .attribute(named: "checked", value: fields[name] == "on" ? "checked" : nil)
                            Text(" ")
                            content(.behaviour(code, level: standard.level, position: position))
                        }.class("check")
                    }
                }.class("level-block")
            }
            Paragraph(
                derived.map { text.text(GridMessage.fromTicks, ["explanation": $0.explanation(in: text)]) }
                    ?? text.text(GridMessage.nothingTicked)
            )
            .id("derived-\(code)").class("derived").attribute(named: "aria-live", value: "polite")
            if rationaleField == nil {
                Tag("label") {
                    Input(type: .checkbox, name: RaterFormFields.notObserved(code), value: "on")
                        .attribute(
                            named: "checked", value: fields[RaterFormFields.notObserved(code)] == "on" ? "checked" : nil
                        )
                    Text(" " + text.text(GridMessage.notObserved))
                }.class("check")
            }
            if let rationaleField {
                AreaField(
                    label: text.text(CalibrationSetupMessage.masterRationale, ["code": code]),
                    name: rationaleField(code), value: fields[rationaleField(code)] ?? "", rows: 3,
                    hint: text.text(CalibrationSetupMessage.masterRationaleHint),
                    required: true)
            }
            Tag("details") {
                Tag("summary") { Text(text.text(GridMessage.otherLevel)) }
                SelectField(
                    label: text.text(GridMessage.level), name: RaterFormFields.overrideLevel(code),
                    choices: [.init(value: "", label: text.text(GridMessage.useDerived))]
                        + levels.names.indices.map {
                            .init(value: "\($0)", label: framework.text(.level($0), in: text.language).text)
                        },
                    selected: fields[RaterFormFields.overrideLevel(code)] ?? "")
                AreaField(
                    label: text.text(GridMessage.why), name: RaterFormFields.overrideReason(code),
                    value: fields[RaterFormFields.overrideReason(code)] ?? "", rows: 2,
                    hint: text.text(GridMessage.whyHint))
                AreaField(
                    label: text.text(GridMessage.comment), name: RaterFormFields.comment(code),
                    value: fields[RaterFormFields.comment(code)] ?? "", rows: 2)
            }
        }.id(Self.competencyID(code)).class("competency-form")
    }
}
