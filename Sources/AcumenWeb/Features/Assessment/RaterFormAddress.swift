import Foundation

/// Where a rater's form is answered: behind the personal link from the e-mail, or in Acumen by
/// a rater who is signed in. Both open the same invitation and the same draft, so a rater can
/// start on one and finish on the other.
enum RaterFormAddress: Hashable, Sendable {
    case link(token: String)
    case signedIn(invitationID: UUID)

    var form: String {
        switch self {
        case .link(let token): SitePath.raterForm.url(token)
        case .signedIn(let invitationID): SitePath.myForm.url(invitationID)
        }
    }

    var autosave: String {
        switch self {
        case .link(let token): SitePath.raterFormAutosave.url(token)
        case .signedIn(let invitationID): SitePath.myFormAutosave.url(invitationID)
        }
    }

    var correct: String {
        switch self {
        case .link(let token): SitePath.raterFormCorrect.url(token)
        case .signedIn(let invitationID): SitePath.myFormCorrect.url(invitationID)
        }
    }

    /// A signed-in form proves with the session's CSRF token that it came from Acumen; a link
    /// is its own proof.
    var carriesCSRFToken: Bool {
        if case .signedIn = self { return true }
        return false
    }

    /// The sentence that tells the rater how to come back to the form later.
    var returnMessage: RaterFormMessage {
        switch self {
        case .link: .savingByLink
        case .signedIn: .savingSignedIn
        }
    }
}
