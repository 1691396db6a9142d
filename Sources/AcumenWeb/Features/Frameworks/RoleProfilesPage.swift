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
        return Layout.page("Role profiles", context: context) {
            H1("Role profiles of \(version.summary.name), version \(version.summary.version)")
            Paragraph(
                "For each job role and tenure band, the level people are expected to reach in every competency. Gaps are measured against these targets. Fill in the last block to add a profile."
            )
            ProblemList(problems: problems)
            Form(url: SitePath.frameworkProfiles.url(version.summary.id), method: .post) {
                CSRFField(token: context.csrf)
                for (index, profile) in rows.enumerated() {
                    FieldSet {
                        Tag("legend") { Text(profile.name.isEmpty ? "New profile" : profile.name) }
                        Field(
                            label: "Name", name: "profiles[\(index)][name]", value: profile.name,
                            maxLength: TextLimits.name)
                        Field(
                            label: "Job role", name: "profiles[\(index)][jobRole]", value: profile.jobRole,
                            hint: "As it appears in people's job titles", maxLength: TextLimits.name)
                        Field(
                            label: "Tenure from (months)", name: "profiles[\(index)][minimumTenureMonths]",
                            value: String(profile.minimumTenureMonths), type: .number)
                        Field(
                            label: "Tenure until (months, empty for no limit)",
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
                            Label("Remove this profile") {
                                Input(type: .checkbox, name: "profiles[\(index)][remove]", value: "1")
                            }.class("checkbox")
                        }
                    }
                }
                Button { Text("Save role profiles") }.attribute(named: "type", value: "submit").class("button primary")
                Link("Cancel", url: SitePath.framework.url(version.summary.id) + "#profiles").class("button")
            }
        }
    }

}
