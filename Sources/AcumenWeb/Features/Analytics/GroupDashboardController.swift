import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// The group dashboard of a closed cycle: a heatmap of competencies by team, location,
/// supervisor, tenure or customer, the distribution of levels against the Expert guideline, and
/// the largest group gaps with the group sessions running on them. A supervisor's groups are
/// made of their own line; programme staff's of everyone. Cells that are too small, or that
/// together with others would single out a small group, are withheld (`CompetencyHeatmap`).
struct GroupDashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.access(.permitted(AnalyticsPolicy.self, .readGroups))
        readers.get("analytics", "groups", use: page)
        readers.get("analytics", "groups", "people", use: cellPeople)
        readers.get("analytics", "groups", "cells.csv", use: cellsCSV)
        readers.get("api", "v1", "analytics", "heatmap", use: api)
    }

    /// One cycle's heatmap over the people the viewer may see, with what the pages name.
    struct Loaded {
        var cycle: AssessmentCycle
        /// Closed and released cycles, latest first: the ones with results to group.
        var cycles: [AssessmentCycle]
        var framework: FrameworkContent
        var heatmap: CompetencyHeatmap
        /// The people the viewer may see; nil for everyone.
        var visible: Set<UUID>?
    }

    /// What the address asks for, read before anything is loaded, so that a bad value answers
    /// 400 with the field it concerns.
    struct Choice {
        var cycleID: UUID?
        var dimension: GroupDimension
        var measure: HeatmapMeasure
        /// Which page of groups the dashboard shows; the API and the CSV give every group.
        var page = 1

        init(_ request: Request) throws {
            let cycle = (try? request.query.get(String.self, at: "cycle")) ?? ""
            if cycle.isEmpty {
                cycleID = nil
            } else if let id = UUID(uuidString: cycle) {
                cycleID = id
            } else {
                throw AppError.badRequest("The cycle must be given by its id.", field: "cycle")
            }
            let by = (try? request.query.get(String.self, at: "by")) ?? GroupDimension.team.rawValue
            guard let dimension = GroupDimension(rawValue: by) else {
                throw AppError.badRequest(
                    "Groups are made by " + GroupDimension.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                    field: "by")
            }
            self.dimension = dimension
            let measure = (try? request.query.get(String.self, at: "measure")) ?? HeatmapMeasure.share.rawValue
            guard let measure = HeatmapMeasure(rawValue: measure) else {
                throw AppError.badRequest("The measure is share or gap.", field: "measure")
            }
            self.measure = measure
            let page = (try? request.query.get(String.self, at: "page")) ?? "1"
            guard let number = Int(page), number >= 1 else {
                throw AppError.badRequest("The page is a whole number from 1.", field: "page")
            }
            self.page = number
        }
    }

    /// The cycle asked for (else the latest closed one) and its heatmap, or nil when no cycle has
    /// closed yet.
    static func load(_ choice: Choice, request: Request) async throws -> Loaded? {
        let user = try request.requireUser()
        let cycles = CycleRepository(database: request.db)
        let settled = try await cycles.cycles().filter { $0.status.isSettled }.sorted {
            ($0.settings.closesOn, $0.settings.name) > ($1.settings.closesOn, $1.settings.name)
        }
        let cycle: AssessmentCycle
        if let id = choice.cycleID {
            guard let chosen = settled.first(where: { $0.id == id }) else {
                throw AppError.notFound("A closed cycle with that id")
            }
            cycle = chosen
        } else {
            guard let latest = settled.first else { return nil }
            cycle = latest
        }
        let visible = try await PeopleRepository(database: request.db).visiblePersonIDs(for: user.viewer)
        // A settled cycle's kept results never change: whose groups these are decides the rest.
        let population = visible.map { ids in UUID.stable(named: ids.map(\.uuidString).sorted().joined()).uuidString }
        let key = "\(cycle.id)|\(choice.dimension)|" + (population ?? "everyone")
        let database = request.db
        let built = try await Self.cache.value(for: key) {
            try await Self.build(cycle: cycle, dimension: choice.dimension, visible: visible, database: database)
        }
        return Loaded(
            cycle: cycle, cycles: settled, framework: built.framework, heatmap: built.heatmap, visible: visible)
    }

    /// What a heatmap is built from, kept per cycle, grouping and population.
    struct Built: Sendable {
        var framework: FrameworkContent
        var heatmap: CompetencyHeatmap
    }

    private static let cache = BuildCache<Built>(capacity: 16)

    /// Everyone's heatmap is read as it was kept with the cycle's results, with the groups of
    /// the dimension shown; a supervisor's line (a population of its own) is counted and decided
    /// afresh from its kept members over all five dimensions, which is quick at the size of a line.
    private static func build(
        cycle: AssessmentCycle, dimension: GroupDimension, visible: Set<UUID>?, database: any Database
    ) async throws -> Built {
        try await SettledResults.ensureKept(cycle, database: database)
        let kept = SettledResultsRepository(database: database)
        let (version, _) = try await CycleForms.context(for: cycle, database: database)
        let codes = version.content.competencies.map(\.code)
        let minimum = SettledResults.minimumGroup(cycle)
        let heatmap =
            if let visible {
                CompetencyHeatmap(
                    people: try await kept.members(cycleID: cycle.id, among: visible), competencyCodes: codes,
                    minimum: minimum)
            } else {
                try await kept.heatmap(
                    cycleID: cycle.id, groupedBy: dimension, competencyCodes: codes, minimum: minimum)
            }
        return Built(framework: version.content, heatmap: heatmap)
    }

    @Sendable func page(request: Request) async throws -> Response {
        let choice = try Choice(request)
        let loaded = try await Self.load(choice, request: request)
        var sessions: [GroupSessionRepository.Session] = []
        if loaded != nil {
            sessions = try await GroupSessionRepository(database: request.db).sessions()
        }
        return GroupDashboardPage.render(
            loaded, choice: choice, sessions: sessions, context: PageContext(request)
        ).response()
    }

    /// The people behind one shown cell; a withheld cell has none to show.
    @Sendable func cellPeople(request: Request) async throws -> Response {
        let choice = try Choice(request)
        let group = (try? request.query.get(String.self, at: "group")) ?? ""
        let code = (try? request.query.get(String.self, at: "competency")) ?? ""
        guard let loaded = try await Self.load(choice, request: request) else {
            throw AppError.notFound("A closed cycle")
        }
        guard loaded.heatmap.competencyCodes.contains(code) else {
            throw AppError.badRequest("No competency of the cycle's framework has that code.", field: "competency")
        }
        let cell = loaded.heatmap.cell(choice.dimension, group: group, competency: code)
        guard !cell.isWithheld else { throw AppError.notFound("A shown group of that name") }
        let members = try await SettledResultsRepository(database: request.db).cellMembers(
            cycleID: loaded.cycle.id, dimension: choice.dimension, group: group, competencyCode: code,
            among: loaded.visible)
        let names = try await GroupResultsRepository(database: request.db).names(Set(members))
        return GroupDashboardPage.people(
            cell, members: members, names: names, loaded: loaded, choice: choice, context: PageContext(request)
        ).response()
    }

    @Sendable func cellsCSV(request: Request) async throws -> Response {
        let choice = try Choice(request)
        guard let loaded = try await Self.load(choice, request: request) else {
            throw AppError.notFound("A closed cycle")
        }
        let cells = loaded.heatmap.everyone + loaded.heatmap.cells(choice.dimension)
        let rows = cells.map { cell in
            [
                cell.dimension == nil ? "everyone" : choice.dimension.rawValue, cell.group, cell.competencyCode,
                String(cell.count), cell.shareOnTarget.map { String(format: "%.4f", $0) } ?? "",
                cell.meanGap.map { String(format: "%.4f", $0) } ?? "", cell.isWithheld ? "yes" : "no",
            ]
        }
        return .csvDownload(
            CSVText.make(
                header: ["grouped_by", "group", "competency", "n", "share_on_target", "mean_gap", "withheld"],
                rows: rows),
            filename: "groups-\(choice.dimension.rawValue)-\(loaded.cycle.settings.closesOn).csv")
    }

    @Sendable func api(request: Request) async throws -> HeatmapDTO {
        let choice = try Choice(request)
        guard let loaded = try await Self.load(choice, request: request) else {
            throw AppError.notFound("A closed cycle")
        }
        return HeatmapDTO(loaded, dimension: choice.dimension)
    }
}

/// What a heatmap cell's colour and number show.
enum HeatmapMeasure: String, CaseIterable, Sendable {
    /// The share of the group at or above target.
    case share
    /// The group's mean gap to target, in levels.
    case gap
}

/// `GET /api/v1/analytics/heatmap` as other tools read it.
struct HeatmapDTO: Content {
    struct Cell: Content {
        /// Empty for the row of everyone.
        var group: String
        var competency: String
        var n: Int
        /// The share at or above target, from 0 to 1; null when withheld.
        var value: Double?
        /// Target minus level, averaged over the group; null when withheld.
        var meanGap: Double?
        var withheld: Bool

        // Written out so that a withheld cell says `"value": null`, as the interface promises,
        // rather than leaving the key out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(group, forKey: .group)
            try container.encode(competency, forKey: .competency)
            try container.encode(n, forKey: .n)
            try container.encode(value, forKey: .value)
            try container.encode(meanGap, forKey: .meanGap)
            try container.encode(withheld, forKey: .withheld)
        }
    }

    var cycleId: String
    var cycleName: String
    var by: String
    var minimum: Int
    var everyone: [Cell]
    var cells: [Cell]

    init(_ loaded: GroupDashboardController.Loaded, dimension: GroupDimension) {
        func dto(_ cell: CompetencyHeatmap.Cell) -> Cell {
            Cell(
                group: cell.group, competency: cell.competencyCode, n: cell.count, value: cell.shareOnTarget,
                meanGap: cell.meanGap, withheld: cell.isWithheld)
        }
        cycleId = loaded.cycle.id.lowercasedString
        cycleName = loaded.cycle.settings.name
        by = dimension.rawValue
        minimum = loaded.heatmap.minimum
        everyone = loaded.heatmap.everyone.map(dto)
        cells = loaded.heatmap.cells(dimension).map(dto)
    }
}
