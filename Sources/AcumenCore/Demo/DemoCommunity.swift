import Foundation

/// What the demo's account managers made for each other, written for Acumen.
public enum DemoCommunity {
    public struct Shared: Sendable {
        public var id: UUID
        public var title: String
        public var summary: String
        public var format: OfferingFormat
        public var link: String
        public var minutes: Int
        public var category: String
        public var competency: String
        public var published: Bool
    }

    public static let submissions: [Shared] = [
        Shared(
            id: UUID(uuidString: "1A7C0F3E-2B7D-4E51-9C0A-3D5E7F901A11")!,
            title: "My checklist for the first week of a new account",
            summary: "The twelve things I confirm with a new customer's mobility team before the first move starts.",
            format: .selfStudy, link: "https://community.northwind-mobility.example/guides/first-week-checklist",
            minutes: 10, category: "The Client", competency: "OM.1", published: true),
        Shared(
            id: UUID(uuidString: "2B8D1E4F-2B7D-4E51-9C0A-3D5E7F901A12")!,
            title: "Explaining a cost estimate in five minutes",
            summary: "How I walk a finance partner through an assignment cost estimate without losing them.",
            format: .video, link: "https://community.northwind-mobility.example/videos/cost-estimate-in-five",
            minutes: 6, category: "Financial", competency: "KE.2", published: true),
        Shared(
            id: UUID(uuidString: "3C9E2F50-2B7D-4E51-9C0A-3D5E7F901A13")!,
            title: "Turning a late visa into a calm conversation",
            summary:
                "A short role-played call: telling a customer their assignee's visa will be late, and what happens next.",
            format: .video, link: "https://community.northwind-mobility.example/videos/late-visa-call",
            minutes: 7, category: "Service Delivery", competency: "OM.2", published: false),
    ]
}
