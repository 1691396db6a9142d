import AcumenCore
import AcumenStore
import Foundation
import Plot

/// The credentials of the systems that send learning records: who has one, issuing a new one
/// (its secret shown once) and revoking.
enum XAPICredentialsPage {
    static func render(
        credentials: [LearningRecordRepository.Credential], issued: XAPICredentialIssuer.Issued?, problem: String?,
        importProblems: [String], endpoint: String, context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(XAPICredentialsMessage.title)
        return Layout.page(title, context: context) {
            H1(title)
            Paragraph(text.text(XAPICredentialsMessage.intro, ["endpoint": endpoint])).class("hint")
            if let issued {
                Div {
                    H2(text.text(XAPICredentialsMessage.issued, ["name": issued.credential.name]))
                    Paragraph(text.text(XAPICredentialsMessage.copyNow))
                    Tag("dl") {
                        Tag("dt") { Text("key") }
                        Tag("dd") { Tag("code") { Text(issued.credential.key) } }
                        Tag("dt") { Text("secret") }
                        Tag("dd") { Tag("code") { Text(issued.secret) } }
                    }
                }.class("card").attribute(named: "role", value: "status")
            }
            Form(
                url: SitePath.learningRecordCredentials.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    H2(text.text(XAPICredentialsMessage.issueHeading))
                    Field(
                        label: text.text(XAPICredentialsMessage.name), name: "name", required: true,
                        hint: text.text(XAPICredentialsMessage.nameHint), maxLength: XAPICredentialIssuer.longestName,
                        problem: problem)
                    SubmitButton(title: text.text(XAPICredentialsMessage.issue))
                })
            H2(text.text(XAPICredentialsMessage.importHeading))
            Paragraph(text.text(XAPICredentialsMessage.importHint)).class("hint")
            if !importProblems.isEmpty {
                Div {
                    H3(text.text(XAPICredentialsMessage.nothingImported))
                    List(importProblems) { ListItem($0) }
                }.class("problems").attribute(named: "role", value: "alert")
            }
            Form(url: SitePath.learningRecordCompletions.url(), method: .post, contentType: .multipartData) {
                CSRFField(token: context.csrf)
                Label(text.text(XAPICredentialsMessage.importFile)) {
                    Input(type: .file, name: "file", isRequired: true).attribute(
                        named: "accept", value: ".csv,text/csv")
                }
                SubmitButton(title: text.text(XAPICredentialsMessage.importButton), style: "button")
            }
            H2(text.text(XAPICredentialsMessage.caption))
            if credentials.isEmpty {
                Paragraph(text.text(XAPICredentialsMessage.none))
            } else {
                DataTable(
                    caption: text.text(XAPICredentialsMessage.caption),
                    headings: [XAPICredentialsMessage.name, .key, .issuedBy, .state].map { text.text($0) },
                    rows: credentials.map { credential in
                        [
                            Text(credential.name), Tag("code") { Text(credential.key) },
                            Text(
                                text.text(
                                    XAPICredentialsMessage.issuedByOn,
                                    ["who": credential.createdBy, "when": text.moment(credential.createdAt)])),
                            credential.revokedAt.map {
                                Text(text.text(XAPICredentialsMessage.revokedOn, ["when": text.moment($0)]))
                            }
                                ?? ActionButton(
                                    title: text.text(XAPICredentialsMessage.revoke, ["name": credential.name]),
                                    url: SitePath.learningRecordCredentialRevoke.url(credential.id),
                                    csrf: context.csrf, style: "button danger"),
                        ]
                    }, stacksOnPhone: true)
            }
        }
    }
}

/// The words of the credentials page.
enum XAPICredentialsMessage: String, MessageKey, CaseIterable {
    case title = "xapiCredentials.title"
    case intro = "xapiCredentials.intro"
    case issued = "xapiCredentials.issued"
    case copyNow = "xapiCredentials.copyNow"
    case issueHeading = "xapiCredentials.issueHeading"
    case name = "xapiCredentials.name"
    case nameHint = "xapiCredentials.nameHint"
    case giveName = "xapiCredentials.giveName"
    case issue = "xapiCredentials.issue"
    case none = "xapiCredentials.none"
    case caption = "xapiCredentials.caption"
    case key = "xapiCredentials.key"
    case issuedBy = "xapiCredentials.issuedBy"
    case issuedByOn = "xapiCredentials.issuedByOn"
    case state = "xapiCredentials.state"
    case revoke = "xapiCredentials.revoke"
    case revoked = "xapiCredentials.revoked"
    case revokedOn = "xapiCredentials.revokedOn"
    case importHeading = "xapiCredentials.importHeading"
    case importHint = "xapiCredentials.importHint"
    case importFile = "xapiCredentials.importFile"
    case importButton = "xapiCredentials.importButton"
    case nothingImported = "xapiCredentials.nothingImported"
    case completionsImported = "xapiCredentials.completionsImported"
}
