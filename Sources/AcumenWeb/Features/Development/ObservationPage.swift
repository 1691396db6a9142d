import AcumenCore
import Plot

/// Recording a coaching observation: which competency, where and when, the behaviour grid, notes
/// and next steps, and the roadmap item it completes if any.
enum ObservationPage {
    static func render(
        person: PersonSummary, framework: FrameworkContent, openItems: [RoadmapItem], fields: [String: String],
        problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(ObservationMessage.title, ["name": person.name])
        let code = fields["competency"] ?? ""
        let competency = framework.competencies.first { $0.code == code }
        return Layout.page(title, context: context) {
            Paragraph { Link(text.text(ObservationMessage.back), url: SitePath.roadmap.url(person.id)) }
            H1(title)
            Paragraph(text.text(ObservationMessage.intro)).class("hint")
            ProblemList(
                problems: problems,
                labels: [
                    "competency": text.text(ObservationMessage.competency),
                    "setting": text.text(ObservationMessage.setting),
                    "observedOn": text.text(ObservationMessage.observedOn),
                    "observed": text.text(ObservationMessage.grid), "notes": text.text(ObservationMessage.notes),
                    "nextSteps": text.text(ObservationMessage.nextSteps), "item": text.text(ObservationMessage.item),
                ], heading: text.text(ObservationMessage.notRecorded), text: text)
            // Choosing the competency first puts its grid on the page, without a script.
            Form(
                url: SitePath.newObservation.url(person.id), method: .get,
                content: {
                    SelectField(
                        label: text.text(ObservationMessage.competency), name: "competency",
                        choices: [.init(value: "", label: text.text(ObservationMessage.chooseCompetency))]
                            + framework.competencies.map { .init(value: $0.code, label: "\($0.code) \($0.title)") },
                        selected: code)
                    if let item = fields["item"], !item.isEmpty { Input(type: .hidden, name: "item", value: item) }
                    SubmitButton(title: text.text(ObservationMessage.showGrid), style: "button")
                })
            if let competency {
                Form(
                    url: SitePath.observations.url(person.id), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Input(type: .hidden, name: "competency", value: competency.code)
                        Div {
                            SelectField(
                                label: text.text(ObservationMessage.setting), name: "setting",
                                choices: CoachingObservation.Setting.observable.map {
                                    .init(value: $0.rawValue, label: text.text(RoadmapMessage($0)))
                                }, selected: fields["setting"])
                            Field(
                                label: text.text(ObservationMessage.observedOn), name: "observedOn",
                                value: fields["observedOn"] ?? "", type: .date, required: true)
                        }.class("field-row")
                        BehaviourGrid(
                            framework: framework.showing([competency.code]), fields: fields, showsCategories: false,
                            text: text)
                        AreaField(
                            label: text.text(ObservationMessage.notes), name: "notes", value: fields["notes"] ?? "",
                            rows: 4)
                        AreaField(
                            label: text.text(ObservationMessage.nextSteps), name: "nextSteps",
                            value: fields["nextSteps"] ?? "", rows: 3)
                        let matching = openItems.filter { $0.competencyCode == competency.code }
                        SelectField(
                            label: text.text(ObservationMessage.item), name: "item",
                            choices: [.init(value: "", label: text.text(ObservationMessage.noItem))]
                                + (matching.isEmpty ? openItems : matching).map {
                                    .init(value: $0.id.uuidString, label: $0.offeringTitle)
                                }, selected: fields["item"])
                        SubmitButton(title: text.text(ObservationMessage.record))
                    })
            }
        }
    }
}

/// The words of the observation form.
enum ObservationMessage: String, MessageKey, CaseIterable {
    case title = "observation.title"
    case back = "observation.back"
    case intro = "observation.intro"
    case competency = "observation.competency"
    case chooseCompetency = "observation.chooseCompetency"
    case showGrid = "observation.showGrid"
    case setting = "observation.setting"
    case observedOn = "observation.observedOn"
    case grid = "observation.grid"
    case notes = "observation.notes"
    case nextSteps = "observation.nextSteps"
    case item = "observation.item"
    case noItem = "observation.noItem"
    case record = "observation.record"
    case notRecorded = "observation.notRecorded"
    case recorded = "observation.recorded"
}
