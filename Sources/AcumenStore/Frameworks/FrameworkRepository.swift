import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Reads and writes competency frameworks. Every write runs in one transaction.
///
/// Published versions are frozen: the only changes allowed to them are retiring them
/// and starting a new draft version from them.
public struct FrameworkRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    // MARK: Reading

    public func summaries() async throws -> [FrameworkSummary] {
        try await FrameworkRow.query(on: database)
            .sort(\.$name).sort(\.$version, .descending)
            .all().map(\.summary)
    }

    public func summary(id: UUID) async throws -> FrameworkSummary {
        try await model(id).summary
    }

    public func versions(lineageID: UUID) async throws -> [FrameworkSummary] {
        try await storedFrameworks { $0.where("lineage_id", .equal, lineageID) }.map(\.summary)
    }

    public func version(id: UUID) async throws -> FrameworkVersion {
        guard let stored = try await storedFrameworks({ $0.where("id", .equal, id) }).first else {
            throw StoreError.notFound("That framework")
        }
        return try await load(stored, on: database)
    }

    /// A framework row without its content, as the pages read it on every request.
    struct StoredFramework {
        var summary: FrameworkSummary
        var levels: [String]
        var language: String?
        var translations: String?
    }

    /// Framework rows read with plain SQL, newest version first: cheaper than Fluent models
    /// on the paths every framework page takes.
    private func storedFrameworks(
        _ filter: (SQLSelectBuilder) -> SQLSelectBuilder
    ) async throws -> [StoredFramework] {
        let sql = database.sql
        let query = sql.select()
            .columns(
                "id", "lineage_id", "name", "description", "owner", "version", "status", "levels", "created_at",
                "updated_at", "published_at", "language", "translations"
            )
            .from(FrameworkRow.schema).where("archived_at", .is, SQLLiteral.null)
        return try await filter(query).orderBy("version", .descending).all().map { row in
            let summary = FrameworkSummary(
                id: try row.decode(column: "id", as: UUID.self),
                lineageID: try row.decode(column: "lineage_id", as: UUID.self),
                name: try row.decode(column: "name", as: String.self),
                description: try row.decode(column: "description", as: String.self),
                owner: try row.decode(column: "owner", as: String.self),
                version: try row.decode(column: "version", as: Int.self),
                status: try row.decode(column: "status", as: FrameworkStatus.self),
                createdAt: try row.decode(column: "created_at", as: Date?.self) ?? Date(),
                updatedAt: try row.decode(column: "updated_at", as: Date?.self) ?? Date(),
                publishedAt: try row.decode(column: "published_at", as: Date?.self))
            return StoredFramework(
                summary: summary, levels: try row.decode(column: "levels", as: [String].self),
                language: try row.decode(column: "language", as: String?.self),
                translations: try row.decode(column: "translations", as: String?.self))
        }
    }

    /// The newest published version of the framework with this name, if any.
    /// The framework development work is mapped to when nothing says which: the latest published
    /// version of the built-in account manager model, else any published framework.
    public func developmentFramework() async throws -> FrameworkVersion? {
        var summary = try await latestPublished(named: GlobalMobilityAccountManagerFramework.name)
        if summary == nil { summary = try await summaries().first { $0.status == .published } }
        guard let summary else { return nil }
        return try await version(id: summary.id)
    }

    public func latestPublished(named name: String) async throws -> FrameworkSummary? {
        try await FrameworkRow.query(on: database)
            .filter(\.$name == name).filter(\.$status == .published)
            .sort(\.$version, .descending).first()?.summary
    }

    // MARK: Writing

    /// Stores content as a new framework (version 1) in the given status; `origin` says where an
    /// imported one came from.
    @discardableResult
    public func create(
        _ content: FrameworkContent, status: FrameworkStatus = .draft, roleProfiles: [RoleProfile] = [],
        origin: FrameworkOrigin? = nil
    ) async throws -> FrameworkSummary {
        try requireValid(content, complete: status != .draft)
        if try await FrameworkRow.find(content.identifier, on: database) != nil {
            throw StoreError.conflict(
                "A framework with identifier \(content.identifier.lowercasedString) already exists.")
        }
        return try await database.transaction { database in
            let framework = try await insert(
                content, lineageID: UUID(), version: 1, status: status, origin: origin, on: database)
            try await insert(roleProfiles, frameworkID: content.identifier, on: database)
            return framework.summary
        }
    }

    /// Replaces what a draft says. Competencies and categories keep their identifiers when
    /// the new content keeps them; those left out are archived, not deleted.
    @discardableResult
    public func update(id: UUID, to content: FrameworkContent) async throws -> FrameworkSummary {
        var replacement = content
        replacement.identifier = id
        try requireValid(replacement, complete: false)
        let content = replacement
        return try await database.transaction { database in
            let framework = try await editableModel(id, on: database)
            let previous = try await readContent(
                of: StoredFramework(
                    summary: framework.summary, levels: framework.levels, language: framework.language,
                    translations: framework.translations), on: database)
            let content = content.keepingCurrentTranslations(since: previous)
            framework.name = content.name
            framework.description = content.description
            framework.owner = content.owner
            framework.levels = content.levels.names
            framework.language = content.language.tag
            framework.translations = LanguageKeyedColumn.encode(content.translations)
            try await framework.save(on: database)
            try await replaceItems(of: framework, with: content, on: database)
            return framework.summary
        }
    }

    /// Replaces the framework's translation into one language with `texts` (part key to text,
    /// already checked by `FrameworkContent.translation`). Drafts and published versions can be
    /// translated: a translation changes no original text. Retired versions cannot.
    public func setTranslation(id: UUID, language: Language, texts: [String: String]) async throws {
        try await database.transaction { database in
            let framework = try await model(id, on: database)
            guard framework.status != .retired else {
                throw StoreError.conflict(
                    "Version \(framework.version) of \(framework.name) is retired; its translations are kept as they were."
                )
            }
            var translations = LanguageKeyedColumn.decode(framework.translations, as: [String: String].self)
            translations[language] = texts.isEmpty ? nil : texts
            framework.translations = LanguageKeyedColumn.encode(translations)
            try await framework.save(on: database)
        }
    }

    /// Starts the next version of a framework as a draft copy of this one.
    public func startNewVersion(from id: UUID) async throws -> FrameworkSummary {
        try await addVersion(after: id) { source in source.content.withFreshIdentifiers() }
    }

    /// Stores `content`, fetched again from where `id`'s framework came from, as its next
    /// version: a draft with `id`'s role profiles, saying where it came from.
    public func addVersion(_ content: FrameworkContent, after id: UUID, origin: FrameworkOrigin) async throws
        -> FrameworkSummary
    {
        try requireValid(content, complete: false)
        return try await addVersion(after: id, origin: origin) { _ in content }
    }

    /// The next version of `id`'s framework as a draft, unless the framework has one already.
    private func addVersion(
        after id: UUID, origin: FrameworkOrigin? = nil,
        content: @escaping @Sendable (FrameworkVersion) -> FrameworkContent
    ) async throws -> FrameworkSummary {
        try await database.transaction { database in
            let source = try await model(id, on: database)
            let lineage = try await FrameworkRow.query(on: database)
                .filter(\.$lineageID == source.lineageID).sort(\.$version, .descending).all()
            if let draft = lineage.first(where: { $0.status == .draft }) {
                throw StoreError.conflict(
                    "Version \(draft.version) of \(draft.name) is already a draft; edit it instead of starting another."
                )
            }
            let loaded = try await load(source, on: database)
            let next = content(loaded)
            let framework = try await insert(
                next, lineageID: source.lineageID, version: (lineage.first?.version ?? source.version) + 1,
                status: .draft, origin: origin, on: database)
            try await insert(loaded.roleProfiles, frameworkID: next.identifier, on: database)
            return framework.summary
        }
    }

    /// Freezes a draft. An earlier published version of the same framework is retired,
    /// so that new cycles use the new version while old ratings keep pointing at theirs.
    public func publish(id: UUID, at date: Date = Date()) async throws -> FrameworkSummary {
        try await database.transaction { database in
            let framework = try await editableModel(id, on: database)
            let loaded = try await load(framework, on: database)
            try requireValid(loaded.content)
            let earlier = try await FrameworkRow.query(on: database)
                .filter(\.$lineageID == framework.lineageID).filter(\.$status == .published).all()
            for previous in earlier {
                previous.status = .retired
                previous.retiredAt = date
                try await previous.save(on: database)
            }
            framework.status = .published
            framework.publishedAt = date
            try await framework.save(on: database)
            return framework.summary
        }
    }

    public func retire(id: UUID, at date: Date = Date()) async throws -> FrameworkSummary {
        let framework = try await model(id)
        guard framework.status == .published else {
            throw StoreError.conflict(
                "Only a published version can be retired; this one is \(framework.status.label.lowercased()).")
        }
        framework.status = .retired
        framework.retiredAt = date
        try await framework.save(on: database)
        return framework.summary
    }

    public func saveRoleProfiles(_ profiles: [RoleProfile], frameworkID: UUID) async throws {
        try await database.transaction { database in
            _ = try await editableModel(frameworkID, on: database)
            try await RoleProfileRow.query(on: database).filter(\.$framework.$id == frameworkID).delete()
            try await insert(profiles, frameworkID: frameworkID, on: database)
        }
    }

    // MARK: Review

    public func comments(frameworkID: UUID) async throws -> [ReviewComment] {
        let rows = try await ReviewCommentRow.query(on: database)
            .filter(\.$framework.$id == frameworkID)
            .with(\.$author).with(\.$resolvedBy)
            .sort(\.$createdAt).all()
        // Repositories do not call each other: the authors' names are read here.
        let authors = Array(Set(rows.compactMap { $0.author.$person.id }))
        var names: [UUID: String] = [:]
        if !authors.isEmpty {
            for person in try await PersonRow.query(on: database).filter(\.$id ~~ authors).all() {
                if let id = person.id { names[id] = person.name }
            }
        }
        // Comments outlive the competencies they were about, so archived ones are read too.
        let competencies = try await CompetencyRow.query(on: database).withDeleted()
            .filter(\.$framework.$id == frameworkID).all()
        let codes = Dictionary(uniqueKeysWithValues: competencies.map { ($0.id!, $0.code) })
        return rows.map { row in
            ReviewComment(
                id: row.id!, competencyID: row.$competency.id, competencyCode: codes[row.$competency.id] ?? "",
                authorEmail: row.author.email, authorName: row.author.$person.id.flatMap { names[$0] }, body: row.body,
                createdAt: row.createdAt ?? Date(),
                resolvedAt: row.resolvedAt, resolvedByEmail: row.resolvedBy?.email)
        }
    }

    public func addComment(frameworkID: UUID, competencyID: UUID, authorID: UUID, body: String) async throws {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw StoreError.invalid([ValidationProblem(location: "comment", message: "write something before saving")])
        }
        guard text.count <= TextLimits.description else {
            throw StoreError.invalid([
                ValidationProblem(
                    location: "comment", message: "at most \(TextLimits.description) characters are allowed")
            ])
        }
        _ = try await editableModel(frameworkID, on: database)
        guard
            try await CompetencyRow.query(on: database)
                .filter(\.$id == competencyID).filter(\.$framework.$id == frameworkID).first() != nil
        else { throw StoreError.notFound("That competency") }
        let comment = ReviewCommentRow()
        comment.$framework.id = frameworkID
        comment.$competency.id = competencyID
        comment.$author.id = authorID
        comment.body = text
        try await comment.create(on: database)
    }

    public func resolveComment(id: UUID, frameworkID: UUID, by userID: UUID, at date: Date = Date()) async throws {
        guard
            let comment = try await ReviewCommentRow.query(on: database)
                .filter(\.$id == id).filter(\.$framework.$id == frameworkID).first()
        else { throw StoreError.notFound("That comment") }
        guard comment.resolvedAt == nil else { return }
        comment.resolvedAt = date
        comment.$resolvedBy.id = userID
        try await comment.save(on: database)
    }

    public func reviewerEmails(frameworkID: UUID) async throws -> [String] {
        try await FrameworkReviewerRow.query(on: database).filter(\.$framework.$id == frameworkID)
            .with(\.$user).all().map(\.user.email).sorted()
    }

    public func addReviewer(frameworkID: UUID, userID: UUID) async throws {
        _ = try await editableModel(frameworkID, on: database)
        let exists = try await FrameworkReviewerRow.query(on: database)
            .filter(\.$framework.$id == frameworkID).filter(\.$user.$id == userID).first()
        guard exists == nil else { return }
        let reviewer = FrameworkReviewerRow()
        reviewer.$framework.id = frameworkID
        reviewer.$user.id = userID
        try await reviewer.create(on: database)
    }

    public func isReviewer(frameworkID: UUID, userID: UUID) async throws -> Bool {
        try await FrameworkReviewerRow.query(on: database)
            .filter(\.$framework.$id == frameworkID).filter(\.$user.$id == userID).first() != nil
    }

    // MARK: Internals

    private func requireValid(_ content: FrameworkContent, complete: Bool = true) throws {
        let validation = content.validate(requireComplete: complete)
        guard validation.isValid else { throw StoreError.invalid(validation.errors) }
    }

    private func model(_ id: UUID, on database: (any Database)? = nil) async throws -> FrameworkRow {
        guard let framework = try await FrameworkRow.find(id, on: database ?? self.database) else {
            throw StoreError.notFound("That framework")
        }
        return framework
    }

    private func editableModel(_ id: UUID, on database: any Database) async throws -> FrameworkRow {
        let framework = try await model(id, on: database)
        guard framework.status.isEditable else {
            throw StoreError.conflict(
                "Version \(framework.version) of \(framework.name) is \(framework.status.label.lowercased()) and cannot change; start a new version to edit it."
            )
        }
        return framework
    }

    private func load(_ framework: FrameworkRow, on database: any Database) async throws -> FrameworkVersion {
        try await load(
            StoredFramework(
                summary: framework.summary, levels: framework.levels, language: framework.language,
                translations: framework.translations), on: database)
    }

    private func load(_ framework: StoredFramework, on database: any Database) async throws -> FrameworkVersion {
        let summary = framework.summary
        let cacheKey = FrozenVersionCache.Key(id: summary.id, updatedAt: summary.updatedAt)
        if summary.status != .draft, let cached = FrozenVersionCache.shared[cacheKey] {
            return FrameworkVersion(summary: summary, content: cached.content, roleProfiles: cached.roleProfiles)
        }
        let content = try await readContent(of: framework, on: database)
        let profiles = try await RoleProfileRow.query(on: database)
            .filter(\.$framework.$id == summary.id).sort(\.$jobRole).sort(\.$minimumTenureMonths).all()
            .map {
                RoleProfile(
                    name: $0.name, jobRole: $0.jobRole, minimumTenureMonths: $0.minimumTenureMonths,
                    maximumTenureMonths: $0.maximumTenureMonths, targets: $0.targets)
            }
        if summary.status != .draft {
            FrozenVersionCache.shared[cacheKey] = .init(content: content, roleProfiles: profiles)
        }
        return FrameworkVersion(summary: summary, content: content, roleProfiles: profiles)
    }

    /// Reads categories, competencies and behaviours with three plain SQL queries: the pages
    /// that show a framework read over a hundred rows, and decoding columns directly is
    /// several times faster than building a Fluent model per row.
    private func readContent(of framework: StoredFramework, on database: any Database) async throws -> FrameworkContent
    {
        let id = framework.summary.id
        let sql = database.sql
        let categories = try await sql.select()
            .columns("id", "code", "title", "description").from(FrameworkCategoryRow.schema)
            .where("framework_id", .equal, id).where("archived_at", .is, SQLLiteral.null)
            .orderBy("position").all()
        let competencies = try await sql.select()
            .columns("id", "category_id", "code", "title", "description").from(CompetencyRow.schema)
            .where("framework_id", .equal, id).where("archived_at", .is, SQLLiteral.null)
            .orderBy("position").all()
        let behaviours = try await sql.select()
            .column(SQLColumn("competency_id", table: "b")).column(SQLColumn("level", table: "b"))
            .column(SQLColumn("text", table: "b"))
            .from(SQLAlias(SQLIdentifier(BehaviourRow.schema), as: SQLIdentifier("b")))
            .join(
                SQLAlias(SQLIdentifier(CompetencyRow.schema), as: SQLIdentifier("c")),
                on: SQLColumn("id", table: "c"), .equal, SQLColumn("competency_id", table: "b")
            )
            .where(SQLColumn("framework_id", table: "c"), .equal, SQLBind(id))
            .where(SQLColumn("archived_at", table: "b"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("level", table: "b")).orderBy(SQLColumn("position", table: "b")).all()

        let indicators = try await sql.select()
            .columns("id", "competency_id", "parent_id", "code", "title", "description")
            .from(IndicatorRow.schema).where("framework_id", .equal, id).orderBy("position").all()
        var indicatorsByCompetency: [UUID: [IndicatorContent]] = [:]
        for row in indicators {
            indicatorsByCompetency[try row.decode(column: "competency_id", as: UUID.self), default: []].append(
                IndicatorContent(
                    identifier: try row.decode(column: "id", as: UUID.self),
                    code: try row.decode(column: "code", as: String.self),
                    title: try row.decode(column: "title", as: String.self),
                    description: try row.decode(column: "description", as: String.self),
                    parent: try row.decode(column: "parent_id", as: UUID?.self)))
        }

        let levels = LevelScale(names: framework.levels)
        var behaviourTexts: [UUID: [[String]]] = [:]
        for row in behaviours {
            let competency = try row.decode(column: "competency_id", as: UUID.self)
            let level = try row.decode(column: "level", as: Int.self)
            guard (0..<levels.count).contains(level) else { continue }
            behaviourTexts[competency, default: Array(repeating: [], count: levels.count)][level].append(
                try row.decode(column: "text", as: String.self))
        }
        var competenciesByCategory: [UUID: [CompetencyContent]] = [:]
        for row in competencies {
            let competencyID = try row.decode(column: "id", as: UUID.self)
            let texts = behaviourTexts[competencyID] ?? Array(repeating: [], count: levels.count)
            competenciesByCategory[try row.decode(column: "category_id", as: UUID.self), default: []].append(
                CompetencyContent(
                    identifier: competencyID, code: try row.decode(column: "code", as: String.self),
                    title: try row.decode(column: "title", as: String.self),
                    description: try row.decode(column: "description", as: String.self),
                    standards: texts.enumerated().map { LevelStandard(level: $0.offset, behaviours: $0.element) },
                    indicators: indicatorsByCompetency[competencyID] ?? []))
        }
        return FrameworkContent(
            identifier: id, name: framework.summary.name, description: framework.summary.description,
            owner: framework.summary.owner,
            levels: levels,
            categories: try categories.map { row in
                let categoryID = try row.decode(column: "id", as: UUID.self)
                return CategoryContent(
                    identifier: categoryID, code: try row.decode(column: "code", as: String.self),
                    title: try row.decode(column: "title", as: String.self),
                    description: try row.decode(column: "description", as: String.self),
                    competencies: competenciesByCategory[categoryID] ?? [])
            }, language: framework.language.flatMap(ContentLanguage.init(tag:)) ?? .english,
            translations: LanguageKeyedColumn.decode(framework.translations, as: [String: String].self))
    }

    private func insert(
        _ content: FrameworkContent, lineageID: UUID, version: Int, status: FrameworkStatus,
        origin: FrameworkOrigin? = nil, on database: any Database
    ) async throws -> FrameworkRow {
        let framework = FrameworkRow()
        framework.id = content.identifier
        framework.lineageID = lineageID
        framework.version = version
        framework.status = status
        framework.name = content.name
        framework.description = content.description
        framework.owner = content.owner
        framework.levels = content.levels.names
        framework.language = content.language.tag
        framework.translations = LanguageKeyedColumn.encode(content.translations)
        framework.origin = try origin.map { String(decoding: try JSONEncoder.origin.encode($0), as: UTF8.self) }
        if status == .published { framework.publishedAt = Date() }
        try await framework.create(on: database)
        try await replaceItems(of: framework, with: content, on: database)
        return framework
    }

    private func replaceItems(
        of framework: FrameworkRow, with content: FrameworkContent, on database: any Database
    ) async throws {
        let frameworkID = try framework.requireID()
        let existingCategories = try await FrameworkCategoryRow.query(on: database)
            .filter(\.$framework.$id == frameworkID).all()
        let existingCompetencies = try await CompetencyRow.query(on: database)
            .filter(\.$framework.$id == frameworkID).all()
        let categoriesByID = Dictionary(uniqueKeysWithValues: existingCategories.map { ($0.id!, $0) })
        let competenciesByID = Dictionary(uniqueKeysWithValues: existingCompetencies.map { ($0.id!, $0) })
        try await archive(behavioursOf: existingCompetencies.compactMap(\.id), on: database)
        try await IndicatorRow.query(on: database).filter(\.$framework.$id == frameworkID).delete()

        var newBehaviours: [BehaviourRow] = []
        var newIndicators: [IndicatorRow] = []
        for (categoryPosition, category) in content.categories.enumerated() {
            let categoryRow = categoriesByID[category.identifier] ?? FrameworkCategoryRow()
            categoryRow.id = category.identifier
            categoryRow.$framework.id = frameworkID
            categoryRow.code = category.code
            categoryRow.title = category.title
            categoryRow.description = category.description
            categoryRow.position = categoryPosition
            try await categoryRow.save(on: database)
            for (position, competency) in category.competencies.enumerated() {
                let row = competenciesByID[competency.identifier] ?? CompetencyRow()
                row.id = competency.identifier
                row.$framework.id = frameworkID
                row.$category.id = category.identifier
                row.code = competency.code
                row.title = competency.title
                row.description = competency.description
                row.position = position
                try await row.save(on: database)
                for standard in competency.standards {
                    for (behaviourPosition, text) in standard.behaviours.enumerated() {
                        let behaviour = BehaviourRow()
                        behaviour.$competency.id = competency.identifier
                        behaviour.level = standard.level
                        behaviour.position = behaviourPosition
                        behaviour.text = text
                        newBehaviours.append(behaviour)
                    }
                }
                for (indicatorPosition, indicator) in competency.indicators.enumerated() {
                    let row = IndicatorRow()
                    row.id = indicator.identifier
                    row.$framework.id = frameworkID
                    row.$competency.id = competency.identifier
                    row.parentID = indicator.parent
                    row.code = indicator.code
                    row.title = indicator.title
                    row.description = indicator.description
                    row.position = indicatorPosition
                    newIndicators.append(row)
                }
            }
        }
        if !newBehaviours.isEmpty {
            try await newBehaviours.create(on: database)
        }
        if !newIndicators.isEmpty {
            try await newIndicators.create(on: database)
        }
        let keptCompetencies = Set(content.competencies.map(\.identifier))
        for row in existingCompetencies where !keptCompetencies.contains(row.id!) {
            try await row.delete(on: database)
        }
        let keptCategories = Set(content.categories.map(\.identifier))
        for row in existingCategories where !keptCategories.contains(row.id!) {
            try await row.delete(on: database)
        }
    }

    private func archive(behavioursOf competencyIDs: [UUID], on database: any Database) async throws {
        guard !competencyIDs.isEmpty else { return }
        try await BehaviourRow.query(on: database).filter(\.$competency.$id ~~ competencyIDs).delete()
    }

    private func insert(_ profiles: [RoleProfile], frameworkID: UUID, on database: any Database) async throws {
        for profile in profiles {
            let row = RoleProfileRow()
            row.$framework.id = frameworkID
            row.name = profile.name
            row.jobRole = profile.jobRole
            row.minimumTenureMonths = profile.minimumTenureMonths
            row.maximumTenureMonths = profile.maximumTenureMonths
            row.targets = profile.targets
            try await row.create(on: database)
        }
    }
}

extension FrameworkRow {
    var summary: FrameworkSummary {
        FrameworkSummary(
            id: id!, lineageID: lineageID, name: name, description: description, owner: owner, version: version,
            status: status, createdAt: createdAt ?? Date(), updatedAt: updatedAt ?? Date(), publishedAt: publishedAt)
    }
}

extension FrameworkRepository {
    /// Where an imported version came from; nil for a version written or copied here.
    public func origin(of id: UUID) async throws -> FrameworkOrigin? {
        try await model(id).storedOrigin
    }
}

extension FrameworkRepository {
    /// The latest version of the framework first fetched from `address`, if one was: fetching
    /// the address again makes that framework's next version rather than a new framework.
    public func latestVersion(fetchedFrom address: String) async throws -> FrameworkSummary? {
        let imported = try await FrameworkRow.query(on: database).filter(\.$origin != nil).all()
        let lineages = Set(imported.filter { $0.storedOrigin?.url == address }.map(\.lineageID))
        guard !lineages.isEmpty else { return nil }
        return try await FrameworkRow.query(on: database).filter(\.$lineageID ~~ lineages)
            .sort(\.$version, .descending).first()?.summary
    }

    /// The provider address a framework's versions were fetched from, newest first: what
    /// fetching it again uses.
    ///
    /// Editors read it with every frozen version's page. It never changes once a framework
    /// exists (a framework gets an address only when it is first fetched, and a version fetched
    /// later comes from the same address), so it is read from the database once per framework.
    public func providerAddress(lineageID: UUID) async throws -> String? {
        if let known = Self.providerAddresses[lineageID] { return known.address }
        let rows = try await FrameworkRow.query(on: database).filter(\.$lineageID == lineageID)
            .filter(\.$origin != nil).sort(\.$version, .descending).all()
        let address = rows.lazy.compactMap(\.storedOrigin?.url).first
        Self.providerAddresses[lineageID] = ProviderAddress(address: address)
        return address
    }

    /// What `providerAddress(lineageID:)` found, nil included.
    private struct ProviderAddress: Sendable {
        var address: String?
    }

    private static let providerAddresses = BoundedCache<UUID, ProviderAddress>(capacity: 1_024)
}

extension FrameworkRow {
    /// Where the version came from; nil for one written here (or an origin no longer readable,
    /// which only loses the import's notes, never the framework).
    fileprivate var storedOrigin: FrameworkOrigin? {
        origin.flatMap { try? JSONDecoder.origin.decode(FrameworkOrigin.self, from: Data($0.utf8)) }
    }
}

extension JSONEncoder {
    fileprivate static var origin: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    fileprivate static var origin: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension FrameworkRepository {
    /// Whether any document, category, competency or indicator already has one of these identifiers.
    public func contains(identifiers: [UUID]) async throws -> Bool {
        guard !identifiers.isEmpty else { return false }
        if try await FrameworkRow.query(on: database).withDeleted().filter(\.$id ~~ identifiers).count() > 0 {
            return true
        }
        if try await FrameworkCategoryRow.query(on: database).withDeleted().filter(\.$id ~~ identifiers).count() > 0 {
            return true
        }
        if try await IndicatorRow.query(on: database).filter(\.$id ~~ identifiers).count() > 0 {
            return true
        }
        return try await CompetencyRow.query(on: database).withDeleted().filter(\.$id ~~ identifiers).count() > 0
    }
}

extension FrameworkRepository {
    /// The framework version a category or competency identifier belongs to.
    public func frameworkID(containingItem id: UUID) async throws -> UUID? {
        if let competency = try await CompetencyRow.find(id, on: database) { return competency.$framework.id }
        return try await FrameworkCategoryRow.find(id, on: database)?.$framework.id
    }
}
