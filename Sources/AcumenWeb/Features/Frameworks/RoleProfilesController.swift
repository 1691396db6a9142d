import AcumenCore
import AcumenStore
import Vapor

/// Editing the role profiles of a draft: per job role and tenure band, the target level of
/// every competency.
struct RoleProfilesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.access(.permitted(FrameworkPolicy.self, .edit)).grouped(
            "frameworks", ":frameworkID", "profiles")
        pages.get(use: edit)
        pages.post(use: save)
    }

    /// One profile as the form sends it; targets are level positions indexed like the
    /// framework's competencies, and `remove` drops the profile.
    struct ProfileForm: Content {
        var name: String?
        var jobRole: String?
        var minimumTenureMonths: String?
        var maximumTenureMonths: String?
        var targets: [String]?
        var remove: String?
    }

    struct Form: Content {
        var profiles: [ProfileForm]?
    }

    private func loadDraft(_ request: Request) async throws -> FrameworkVersion {
        guard let id = request.parameters.get("frameworkID", as: UUID.self) else {
            throw AppError.notFound("That framework")
        }
        let version = try await FrameworkRepository(database: request.db).version(id: id)
        guard version.summary.status.isEditable else {
            throw AppError(
                .conflict, code: "not_editable",
                message:
                    "Role profiles of a \(version.summary.status.label.lowercased()) version cannot change. Start a new version to edit them."
            )
        }
        return version
    }

    @Sendable func edit(request: Request) async throws -> Response {
        let version = try await loadDraft(request)
        return RoleProfilesPage.render(
            version: version, profiles: version.roleProfiles, problems: [], context: PageContext(request)
        ).response()
    }

    @Sendable func save(request: Request) async throws -> Response {
        let version = try await loadDraft(request)
        let form = try request.decodeForm(Form.self)
        let (profiles, problems) = Self.parse(form.profiles ?? [], content: version.content)
        guard problems.isEmpty else {
            let response = RoleProfilesPage.render(
                version: version, profiles: profiles, problems: problems, context: PageContext(request)
            ).response()
            response.status = .unprocessableEntity
            return response
        }
        try await FrameworkRepository(database: request.db).saveRoleProfiles(profiles, frameworkID: version.summary.id)
        request.flash(request.readersLocalizer.text(FrameworkFlashMessage.profilesSaved))
        return request.redirect(to: SitePath.framework.url(version.summary.id) + "#profiles")
    }

    /// Turns the submitted rows into profiles; blank rows are ignored, every problem is reported.
    static func parse(_ rows: [ProfileForm], content: FrameworkContent) -> ([RoleProfile], [ValidationProblem]) {
        var profiles: [RoleProfile] = []
        var problems: [ValidationProblem] = []
        let codes = content.competencies.map(\.code)
        var names: Set<String> = []
        for (index, row) in rows.enumerated() where row.remove == nil {
            let name = (row.name ?? "").trimmingCharacters(in: .whitespaces)
            let jobRole = (row.jobRole ?? "").trimmingCharacters(in: .whitespaces)
            if name.isEmpty && jobRole.isEmpty { continue }
            let location = "profile \(index + 1)" + (name.isEmpty ? "" : " (\(name))")
            func problem(_ message: String) { problems.append(ValidationProblem(location: location, message: message)) }
            if name.isEmpty { problem("name is required") }
            if name.count > TextLimits.name || jobRole.count > TextLimits.name {
                problem("name and job role may have at most \(TextLimits.name) characters")
            }
            if !names.insert(name.lowercased()).inserted { problem("another profile already has this name") }
            if jobRole.isEmpty { problem("job role is required") }
            let minimum = Int(
                (row.minimumTenureMonths ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                    ? "0" : row.minimumTenureMonths!.trimmingCharacters(in: .whitespaces))
            let maximumText = (row.maximumTenureMonths ?? "").trimmingCharacters(in: .whitespaces)
            let maximum = maximumText.isEmpty ? nil : Int(maximumText)
            if minimum == nil || minimum! < 0 || minimum! > 600 {
                problem("tenure from must be a whole number of months between 0 and 600")
            }
            if !maximumText.isEmpty && (maximum == nil || maximum! <= (minimum ?? 0) || maximum! > 600) {
                problem("tenure until must be empty or a whole number of months above tenure from")
            }
            var targets: [String: Int] = [:]
            let submitted = row.targets ?? []
            for (position, code) in codes.enumerated() {
                guard position < submitted.count, let level = Int(submitted[position]),
                    (0..<content.levels.count).contains(level)
                else {
                    problem("choose a target level for \(code)")
                    continue
                }
                targets[code] = level
            }
            profiles.append(
                RoleProfile(
                    name: name, jobRole: jobRole, minimumTenureMonths: minimum ?? 0, maximumTenureMonths: maximum,
                    targets: targets))
        }
        return (profiles, problems)
    }
}
