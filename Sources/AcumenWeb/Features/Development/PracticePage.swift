import AcumenCore
import Plot

/// Rating someone's practice of a role-play: who, when, the grid of the competencies it
/// exercises, and notes.
enum PracticePage {
    static func render(
        offering: Offering, framework: FrameworkContent, fields: [String: String], problems: [ValidationProblem],
        context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(PracticeMessage.title, ["title": offering.title])
        return Layout.page(title, context: context) {
            Paragraph { Link(offering.title, url: SitePath.catalogueOffering.url(offering.id)) }
            H1(title)
            Paragraph(text.text(PracticeMessage.intro)).class("hint")
            if !offering.summary.isEmpty {
                H2(text.text(PracticeMessage.scenario))
                Paragraph(offering.summary)
            }
            ProblemList(
                problems: problems,
                labels: [
                    "colleague": text.text(PracticeMessage.colleague), "observedOn": text.text(PracticeMessage.day),
                    "observed": text.text(PracticeMessage.grid),
                ], heading: text.text(PracticeMessage.notRecorded), text: text)
            Form(
                url: SitePath.offeringPractice.url(offering.id), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Div {
                        Field(
                            label: text.text(PracticeMessage.colleague), name: "colleague",
                            value: fields["colleague"] ?? "", type: .email, required: true)
                        Field(
                            label: text.text(PracticeMessage.day), name: "observedOn",
                            value: fields["observedOn"] ?? "", type: .date, required: true)
                    }.class("field-row")
                    BehaviourGrid(
                        framework: framework.showing(offering.targets.map(\.competencyCode)), fields: fields,
                        showsCategories: false, text: text)
                    AreaField(
                        label: text.text(PracticeMessage.notes), name: "notes", value: fields["notes"] ?? "", rows: 3)
                    SubmitButton(title: text.text(PracticeMessage.record))
                })
        }
    }
}

/// The words of rating practice (English for now, through the catalogue).
enum PracticeMessage: String, MessageKey, CaseIterable {
    case title = "practice.title"
    case intro = "practice.intro"
    case scenario = "practice.scenario"
    case colleague = "practice.colleague"
    case day = "practice.day"
    case grid = "practice.grid"
    case notes = "practice.notes"
    case record = "practice.record"
    case notRecorded = "practice.notRecorded"
    case recorded = "practice.recorded"
    case rate = "practice.rate"
}
