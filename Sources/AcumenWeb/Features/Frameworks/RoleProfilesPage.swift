import AcumenCore
import Plot

enum RoleProfilesPage {
    static func render(
        version: FrameworkVersion, profiles: [RoleProfile], problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let content = version.content
        let rows =
            profiles + [
                RoleProfile(name: "", jobRole: "", minimumTenureMonths: 0, maximumTenureMonths: nil, targets: [:])
            ]
        let text = context.localizer
        return Layout.page(text.text(FrameworkMessage.profiles), context: context) {
            H1(
                text.text(
                    ProfilesMessage.heading,
                    ["name": version.summary.name, "version": text.integer(version.summary.version)]))
            Paragraph(text.text(ProfilesMessage.intro))
            ProblemList(problems: problems, heading: text.text(FrameworkFormMessage.nothingSaved))
            Form(url: SitePath.frameworkProfiles.url(version.summary.id), method: .post) {
                CSRFField(token: context.csrf)
                for (index, profile) in rows.enumerated() {
                    FieldSet {
                        Tag("legend") {
                            Text(profile.name.isEmpty ? text.text(ProfilesMessage.newProfile) : profile.name)
                        }
                        Field(
                            label: text.text(FrameworkFormMessage.name), name: "profiles[\(index)][name]",
                            value: profile.name,
                            maxLength: TextLimits.name)
                        Field(
                            label: text.text(ProfilesMessage.jobRole), name: "profiles[\(index)][jobRole]",
                            value: profile.jobRole, hint: text.text(ProfilesMessage.jobRoleHint),
                            maxLength: TextLimits.name)
                        Field(
                            label: text.text(ProfilesMessage.tenureFrom),
                            name: "profiles[\(index)][minimumTenureMonths]",
                            value: String(profile.minimumTenureMonths), type: .number)
                        Field(
                            label: text.text(ProfilesMessage.tenureUntil),
                            name: "profiles[\(index)][maximumTenureMonths]",
                            value: profile.maximumTenureMonths.map(String.init) ?? "", type: .number)
                        Div {
                            for (position, competency) in content.competencies.enumerated() {
                                SelectField(
                                    label: "\(competency.code) \(competency.title)",
                                    name: "profiles[\(index)][targets][\(position)]",
                                    choices: content.levels.names.enumerated().map {
                                        .init(value: String($0.offset), label: $0.element)
                                    },
                                    selected: (profile.targets[competency.code]
                                        ?? (profile.name.isEmpty ? min(1, content.levels.count - 1) : nil)).map(
                                            String.init))
                            }
                        }.class("target-grid")
                        if !profile.name.isEmpty {
                            Label(text.text(ProfilesMessage.remove)) {
                                Input(type: .checkbox, name: "profiles[\(index)][remove]", value: "1")
                            }.class("checkbox")
                        }
                    }
                }
                Button { Text(text.text(ProfilesMessage.save)) }.attribute(named: "type", value: "submit")
                    .class("button primary")
                Link(
                    text.text(FrameworkFormMessage.cancel),
                    url: SitePath.framework.url(version.summary.id) + "#profiles"
                ).class("button")
            }
        }
    }
}

/// The words of the role profiles form (programme staff, English for now).
enum ProfilesMessage: String, MessageKey, CaseIterable {
    case heading = "profiles.heading"
    case intro = "profiles.intro"
    case newProfile = "profiles.newProfile"
    case jobRole = "profiles.jobRole"
    case jobRoleHint = "profiles.jobRoleHint"
    case tenureFrom = "profiles.tenureFrom"
    case tenureUntil = "profiles.tenureUntil"
    case remove = "profiles.remove"
    case save = "profiles.save"
}
