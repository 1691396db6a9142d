import AcumenCore
import Plot

/// The frame of every page: skip link, header with navigation by role, flash message, main, footer.
enum Layout {
    /// The frame is written with Plot's node API rather than components: it is on every page,
    /// and nodes render without the reflection that components need.
    static func page(
        _ title: String, context: PageContext, scripts: [String] = [],
        @ComponentBuilder content: @escaping () -> Component
    ) -> HTMLPage {
        let text = context.localizer
        let language = text.language
        let html = HTML(
            .attribute(named: "lang", value: language.tag),
            .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · Acumen"),
                .stylesheet(Stylesheet.path),
                .forEach([SiteScript.path] + scripts) { .script(.src($0), .attribute(named: "defer", value: "defer")) }
            ),
            .body(
                .a(.class("skip-link"), .href("#content"), .text(text.text(LayoutMessage.skip))),
                header(context),
                .main(
                    .id("content"),
                    .unwrap(context.flash) {
                        .p(.class("flash"), .attribute(named: "role", value: "status"), .text($0))
                    },
                    .component(content())
                ),
                .footer(
                    .class("site-footer"),
                    .p(.text(text.text(LayoutMessage.footer))),
                    .unwrap(context.user) { user in languageChoice(user, context: context) },
                    .if(
                        context.user != nil,
                        .p(.a(.href(SitePath.passwordChange.url()), .text(text.text(PasswordMessage.link)))))
                )
            )
        )
        return HTMLPage(html: html.render(), language: language.tag)
    }

    /// The signed-in person's language, changed from any page; pages not yet translated stay
    /// in English whatever is chosen.
    private static func languageChoice(_ user: UserAccount, context: PageContext) -> Node<HTML.BodyContext> {
        let text = context.localizer
        let choices =
            [("", text.text(LayoutMessage.browserLanguage))]
            + Language.allCases.filter(\.coversEveryPage).map { ($0.tag, $0.nativeName) }
        let selected = user.language?.tag ?? ""
        return .form(
            .class("language-choice"), .action(SitePath.languagePreference.url()), .method(.post),
            .input(.type(.hidden), .name(CSRFProtection.fieldName), .value(context.csrf)),
            .input(.type(.hidden), .name("back"), .value(context.path)),
            .component(
                SelectField(
                    label: text.text(LayoutMessage.language), name: "language",
                    choices: choices.map { SelectField.Choice(value: $0.0, label: $0.1) }, selected: selected)),
            .button(.type(.submit), .class("button"), .text(text.text(LayoutMessage.changeLanguage))))
    }

    private static func header(_ context: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .a(.class("brand"), .href("/"), .text("Acumen")),
            .unwrap(context.user) { user in
                .group(
                    .button(
                        .class("menu-toggle button"), .type(.button), .attribute(named: "hidden", value: "hidden"),
                        .attribute(named: "aria-controls", value: "main-menu"),
                        .attribute(named: "aria-expanded", value: "true"),
                        .text(context.localizer.text(LayoutMessage.menu))),
                    .nav(
                        .id("main-menu"),
                        .attribute(named: "aria-label", value: context.localizer.text(LayoutMessage.mainNavigation)),
                        .ul(
                            .forEach(links(for: user.viewer)) { item in
                                let current =
                                    context.path == item.url
                                    || (item.url != SitePath.home.url() && context.path.hasPrefix(item.url + "/"))
                                return .li(
                                    .a(
                                        .href(item.url), .text(context.localizer.text(item.title)),
                                        .attribute(named: "aria-current", value: current ? "page" : nil)))
                            })
                    ),
                    .div(
                        .class("account"),
                        .span(
                            .class("who"),
                            .text("\(user.email) · \(context.localizer.text(RoleMessage(user.role)))")),
                        ActionButton.node(
                            context.localizer.text(LayoutMessage.signOut), SitePath.logout.url(), context.csrf,
                            "link-button")
                    )
                )
            }
        )
    }

    /// The main menu: each entry is shown to whoever may attempt what it leads to, by the same
    /// policies that guard its routes.
    private struct NavigationItem {
        var title: NavigationMessage
        var url: String
        var access: RouteAccess
    }

    private static let navigation: [NavigationItem] = [
        NavigationItem(title: .home, url: SitePath.home.url(), access: .signedIn),
        NavigationItem(title: .frameworks, url: SitePath.frameworks.url(), access: .signedIn),
        NavigationItem(
            title: .people, url: SitePath.people.url(), access: .permitted(OrganisationPolicy.self, .browsePeople)),
        NavigationItem(
            title: .accounts, url: SitePath.accounts.url(),
            access: .permitted(OrganisationPolicy.self, .browseAccounts)),
        NavigationItem(
            title: .assessments, url: SitePath.cycles.url(), access: .permitted(AssessmentPolicy.self, .browseCycles)),
        NavigationItem(
            title: .interviews, url: SitePath.scorecards.url(), access: .permitted(AssessmentPolicy.self, .interview)),
        NavigationItem(
            title: .calibration, url: SitePath.calibration.url(), access: .permitted(CalibrationPolicy.self, .browse)),
        NavigationItem(
            title: .catalogue, url: SitePath.catalogue.url(),
            access: .permitted(DevelopmentPolicy.self, .browseCatalogue)),
        NavigationItem(
            title: .checks, url: SitePath.checks.url(), access: .permitted(KnowledgeCheckPolicy.self, .takeCheck)),
        NavigationItem(
            title: .analytics, url: SitePath.programmeAnalytics.url(),
            access: .permitted(AnalyticsPolicy.self, .readProgramme)),
        NavigationItem(
            title: .groups, url: SitePath.groupAnalytics.url(), access: .permitted(AnalyticsPolicy.self, .readGroups)),
        NavigationItem(
            title: .scorecard, url: SitePath.vendorScorecard.url(),
            access: .permitted(AnalyticsPolicy.self, .keepVendorScorecard)),
        NavigationItem(
            title: .importing, url: SitePath.importPage.url(),
            access: .permitted(OrganisationPolicy.self, .importRecords)
        ),
        NavigationItem(title: .users, url: SitePath.users.url(), access: .permitted(AccessPolicy.self, .manageUsers)),
    ]

    private static func links(for viewer: Viewer) -> [NavigationItem] {
        navigation.filter { $0.access.admits(viewer) }
    }
}

/// The words of every page's frame.
enum LayoutMessage: String, MessageKey, CaseIterable {
    case skip = "layout.skip"
    case footer = "layout.footer"
    case menu = "layout.menu"
    case signOut = "layout.signOut"
    case mainNavigation = "layout.mainNavigation"
    case language = "layout.language"
    case browserLanguage = "layout.browserLanguage"
    case changeLanguage = "layout.changeLanguage"
}

/// The main menu's entries.
enum NavigationMessage: String, MessageKey, CaseIterable {
    case home = "nav.home"
    case frameworks = "nav.frameworks"
    case people = "nav.people"
    case accounts = "nav.accounts"
    case assessments = "nav.assessments"
    case interviews = "nav.interviews"
    case calibration = "nav.calibration"
    case catalogue = "nav.catalogue"
    case checks = "nav.checks"
    case analytics = "nav.analytics"
    case groups = "nav.groups"
    case scorecard = "nav.scorecard"
    case importing = "nav.import"
    case users = "nav.users"
}

/// A role as the header names it.
enum RoleMessage: String, MessageKey, CaseIterable {
    case administrator = "role.administrator"
    case programmeManager = "role.programmeManager"
    case supervisor = "role.supervisor"
    case accountManager = "role.accountManager"
    case customerReviewer = "role.customerReviewer"

    /// Keys are `role.` and the role's raw value; `MessageKeyTests` holds every role.
    init(_ role: Role) {
        self.init(rawValue: "role.\(role.rawValue)")!
    }
}
