import AcumenCore
import Foundation

/// One rater's finished submission, as the store writes it: the invitation it answers, the
/// rows, and how the response is attributed. Its response's id is chosen when it is made.
public struct SubmissionRecord: Sendable {
    public let invitation: Invitation
    public let content: ResponseContent
    public let attribution: ResponseAttribution
    let responseID = UUID()

    public init(invitation: Invitation, content: ResponseContent, attribution: ResponseAttribution) {
        self.invitation = invitation
        self.content = content
        self.attribution = attribution
    }
}
