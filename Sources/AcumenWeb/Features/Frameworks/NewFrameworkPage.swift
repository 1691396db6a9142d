import AcumenCore
import Plot

enum NewFrameworkPage {
    static func render(
        form: FrameworksController.NewFrameworkForm?, problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(FrameworkFormMessage.newTitle), context: context) {
            H1(text.text(FrameworkFormMessage.newHeading))
            ProblemList(problems: problems, heading: text.text(FrameworkFormMessage.nothingSaved))
            Form(url: SitePath.frameworks.url(), method: .post) {
                CSRFField(token: context.csrf)
                Field(
                    label: text.text(FrameworkFormMessage.name), name: "name", value: form?.name ?? "",
                    required: true, maxLength: TextLimits.name)
                AreaField(
                    label: text.text(FrameworkFormMessage.description), name: "description",
                    value: form?.description ?? "", rows: 3)
                Field(
                    label: text.text(FrameworkFormMessage.owner), name: "owner", value: form?.owner ?? "",
                    hint: text.text(FrameworkFormMessage.ownerHint), maxLength: TextLimits.name)
                SelectField(
                    label: text.text(FrameworkFormMessage.startFrom), name: "startFrom",
                    choices: [.init(value: "", label: text.text(FrameworkFormMessage.empty))]
                        + BuiltInFrameworks.frameworks.map {
                            .init(value: $0.name, label: text.text(FrameworkFormMessage.copyOf, ["name": $0.name]))
                        },
                    selected: form?.startFrom ?? "")
                Field(
                    label: text.text(FrameworkFormMessage.levels), name: "levels",
                    value: form?.levels ?? "Baseline, Advanced, Expert",
                    hint: text.text(FrameworkFormMessage.levelsHint))
                Button { Text(text.text(FrameworkFormMessage.create)) }.attribute(named: "type", value: "submit")
                    .class("button primary")
                Link(text.text(FrameworkFormMessage.cancel), url: SitePath.frameworks.url()).class("button")
            }
        }
    }
}

/// The words of the forms that create a framework and edit its details (programme staff, English for now).
enum FrameworkFormMessage: String, MessageKey, CaseIterable {
    case newTitle = "frameworkForm.newTitle"
    case newHeading = "frameworkForm.newHeading"
    case editTitle = "frameworkForm.editTitle"
    case editHeading = "frameworkForm.editHeading"
    case nothingSaved = "frameworkForm.nothingSaved"
    case name = "frameworkForm.name"
    case description = "frameworkForm.description"
    case owner = "frameworkForm.owner"
    case ownerHint = "frameworkForm.ownerHint"
    case startFrom = "frameworkForm.startFrom"
    case empty = "frameworkForm.empty"
    case copyOf = "frameworkForm.copyOf"
    case levels = "frameworkForm.levels"
    case levelsHint = "frameworkForm.levelsHint"
    case create = "frameworkForm.create"
    case save = "frameworkForm.save"
    case cancel = "frameworkForm.cancel"
}
