import AcumenCore
import Vapor

/// The home page: strangers are sent to sign in, everyone else sees what is asked of them.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.access(.anyone).get(use: home)
    }

    @Sendable func home(request: Request) async throws -> Response {
        guard let user = request.currentUser else { return request.redirect(to: SitePath.login.url()) }
        let today = CalendarDate.today
        let context = PageContext(readers: request)
        let overview = try await HomeOverview.load(
            for: user, database: request.db, today: today, text: context.localizer)
        return HomePage.render(
            HomePage.Model(overview: overview, viewer: user.viewer, today: today), context: context
        ).response()
    }
}
