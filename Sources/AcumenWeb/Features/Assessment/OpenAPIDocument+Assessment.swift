import AcumenCore
import Foundation

/// The assessment part of `/openapi.json`: cycles, raters' forms (opened by the personal link's
/// token, without a bearer token) and results within the anonymity rules.
extension OpenAPIDocument {
    private static func path(_ name: String, _ description: String = "") -> [String: Any] {
        [
            "name": name, "in": "path", "required": true,
            "schema": name == "token" ? ["type": "string"] : ["type": "string", "format": "uuid"],
            "description": description,
        ]
    }

    private static func query(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "schema": ["type": "string"], "description": description]
    }

    static func body(_ schema: [String: Any]) -> [String: Any] {
        ["required": true].merging(jsonBody(schema)) { a, _ in a }
    }

    /// The operations that take a cycle's id.
    private static let cycleOperations = [
        "getCycle", "advanceCycle", "changeRules", "listInvitations", "getSliceResults", "getPreview",
    ]

    static var assessmentPaths: [String: Any] {
        let cycle = path("cycleID")
        let token = path("token", "The token at the end of the rater's personal link")
        return [
            "/api/v1/cycles": [
                "get": operation(
                    "Assessment cycles (programme staff)", id: "listCycles", response: ref("CycleList"),
                    errors: ["401", "403"],
                    links: links(to: cycleOperations, "cycleID", from: "$response.body#/cycles/0/id")),
                "post": operation(
                    "Create a draft cycle with its subjects, questionnaire and automatic raters", id: "createCycle",
                    response: ref("Cycle"), status: "201", requestBody: body(ref("NewCycle")),
                    errors: ["400", "401", "403", "404", "422"],
                    links: links(to: cycleOperations, "cycleID", from: "$response.body#/id")),
            ],
            "/api/v1/cycles/{cycleID}": [
                "get": operation(
                    "One cycle", id: "getCycle", response: ref("Cycle"), parameters: [cycle],
                    errors: ["401", "403", "404"])
            ],
            "/api/v1/cycles/{cycleID}/advance": [
                "post": operation(
                    "Move the cycle to its next status (draft, open, closed, released); opening e-mails every approved rater",
                    id: "advanceCycle", response: ref("Cycle"), parameters: [cycle],
                    requestBody: body([
                        "type": "object", "required": ["from"],
                        "properties": ["from": ["type": "string", "enum": ["draft", "open", "closed"]]],
                    ]), errors: ["400", "401", "403", "404", "409"])
            ],
            "/api/v1/cycles/{cycleID}/rules": [
                "put": operation(
                    "Change the anonymity rules; once open, only stricter rules are accepted (409 otherwise)",
                    id: "changeRules", response: ref("Cycle"), parameters: [cycle], requestBody: body(ref("Rules")),
                    errors: ["400", "401", "403", "404", "409", "422"])
            ],
            "/api/v1/cycles/{cycleID}/invitations": [
                "get": operation(
                    "Raters of every account manager in the cycle", id: "listInvitations",
                    response: ref("InvitationList"), parameters: [cycle], errors: ["401", "403", "404"],
                    links: links(
                        to: ["nominateRater", "getReport"], "personID", from: "$response.body#/invitations/0/subjectId",
                        keeping: ["cycleID": "$request.path.cycleID"]))
            ],
            "/api/v1/cycles/{cycleID}/people/{personID}/nominations": [
                "post": operation(
                    "Nominate a peer (approved at once when the caller is the supervisor or programme staff) or, for programme staff, a customer",
                    id: "nominateRater", response: ref("Invitation"), status: "201",
                    parameters: [cycle, path("personID")],
                    requestBody: body([
                        "type": "object", "required": ["email", "source"],
                        "properties": [
                            "email": ["type": "string"], "source": ["type": "string", "enum": ["peer", "customer"]],
                        ],
                    ]), errors: ["400", "401", "403", "404", "409", "422"])
            ],
            "/api/v1/cycles/{cycleID}/people/{personID}/report": [
                "get": operation(
                    "An account manager's report: levels by source, targets, gaps, spread, self-other gaps, customer answers and comments, within the anonymity rules",
                    id: "getReport", response: ref("Report"), parameters: [cycle, path("personID")],
                    errors: ["401", "404"])
            ],
            "/api/v1/cycles/{cycleID}/results": [
                "get": operation(
                    "Customer results for one slice; combinations of filters are answered only when no combination of permitted slices could single out fewer customers than the minimum",
                    id: "getSliceResults", response: ref("SliceResults"),
                    parameters: [
                        cycle,
                        [
                            "name": "subject", "in": "query", "required": false,
                            "schema": ["type": "string", "format": "uuid"],
                            "description": "An account manager's person id",
                        ], query("team", "Team name"),
                        query("location", "City"), query("account", "Account name"),
                    ], errors: ["400", "401", "403", "404"])
            ],
            "/api/v1/cycles/{cycleID}/preview": [
                "get": operation(
                    "The anonymity preview: what each report and each slice would show", id: "getPreview",
                    response: ["type": "object"], parameters: [cycle], errors: ["401", "403", "404"])
            ],
            "/api/v1/accounts/{accountID}/results": [
                "get": operation(
                    "An account's customer questionnaire results per closed or released cycle (released only for account managers and customers), withheld where too few customers answered",
                    id: "getAccountResults", response: ["type": "object"], parameters: [path("accountID")],
                    errors: ["401", "404"])
            ],
            "/api/v1/accounts/{accountID}/actions": [
                "get": operation(
                    "The account's action plan, with each action's missing SMART parts", id: "listActions",
                    response: [
                        "type": "object", "required": ["actions"],
                        "properties": ["actions": ["type": "array", "items": ref("Action")]],
                    ], parameters: [path("accountID")], errors: ["401", "404"],
                    links: links(
                        to: ["updateAction"], "actionID", from: "$response.body#/actions/0/id",
                        keeping: ["accountID": "$request.path.accountID"])),
                "post": operation(
                    "Add an action to the plan", id: "addAction", response: ref("Action"), status: "201",
                    parameters: [path("accountID")], requestBody: body(ref("NewAction")),
                    errors: ["400", "401", "404", "422"],
                    links: links(
                        to: ["updateAction"], "actionID", from: "$response.body#/id",
                        keeping: ["accountID": "$request.path.accountID"])),
            ],
            "/api/v1/accounts/{accountID}/actions/{actionID}": [
                "put": operation(
                    "Change an action: its text, owner, due date, what it addresses, and its status (open, inProgress, done, dropped)",
                    id: "updateAction", response: ref("Action"), parameters: [path("accountID"), path("actionID")],
                    requestBody: body(ref("NewAction")), errors: ["400", "401", "404", "422"])
            ],
            "/api/v1/stats/agreement": [
                "post": operation(
                    "Agreement statistics of a rating table: Krippendorff's alpha (nominal, ordinal, interval, ratio), the six Shrout–Fleiss ICCs on complete units, Fleiss' kappa, and with pairs=true Cohen's kappa per pair; the same JSON as `acumen stats agreement`",
                    id: "agreementStatistics", response: ref("Agreement"),
                    parameters: [
                        [
                            "name": "level", "in": "query", "required": false,
                            "description": "alpha at this level only",
                            "schema": ["type": "string", "enum": MeasurementLevel.allCases.map(\.rawValue)],
                        ],
                        [
                            "name": "pairs", "in": "query", "required": false,
                            "description": "true for Cohen's kappa per pair of raters",
                            "schema": ["type": "string", "enum": ["true", "false"]],
                        ],
                    ],
                    requestBody: [
                        "required": true,
                        "content": [
                            "text/csv": [
                                "schema": [
                                    "type": "string",
                                    "description": "Header row of rater names, one row per unit, blank cells missing",
                                ]
                            ]
                        ],
                    ], errors: ["400", "401", "413", "415", "422"])
            ],
            "/api/v1/rater/{token}": [
                "get": operation(
                    "The rater's form and saved draft", id: "getRaterForm", response: ref("RaterForm"),
                    parameters: [token], errors: ["404"], secured: false)
            ],
            "/api/v1/rater/{token}/autosave": [
                "post": operation(
                    "Save one field of the draft (an empty value clears it)", id: "autosaveField",
                    response: ["type": "object"], status: "204", parameters: [token],
                    requestBody: body([
                        "type": "object", "required": ["name", "value"],
                        "properties": ["name": ["type": "string"], "value": ["type": "string"]],
                    ]), errors: ["400", "404", "409", "410", "422"], secured: false)
            ],
            "/api/v1/rater/{token}/submit": [
                "post": operation(
                    "Submit the form (the given fields, or the saved draft); accepted once, 422 lists what is missing",
                    id: "submitRaterForm", response: ["type": "object"], status: "201", parameters: [token],
                    requestBody: body([
                        "type": "object",
                        "properties": ["fields": ["type": "object", "additionalProperties": ["type": "string"]]],
                    ]), errors: ["400", "404", "409", "410", "422"], secured: false)
            ],
        ]
    }

    static var assessmentSchemas: [String: Any] {
        let string: [String: Any] = ["type": "string"]
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let day: [String: Any] = ["type": "string", "format": "date"]
        let source: [String: Any] = ["type": "string", "enum": ["self", "supervisor", "peer", "customer"]]
        let number: [String: Any] = ["type": "number"]
        let integer: [String: Any] = ["type": "integer"]
        let minimum = Self.integer(2...50)
        return [
            "Rules": [
                "type": "object", "required": ["minimumPeers", "minimumCustomers", "minimumForComments"],
                "properties": [
                    "minimumPeers": minimum, "minimumCustomers": minimum, "minimumForComments": minimum,
                ],
            ],
            "Cycle": [
                "type": "object",
                "properties": [
                    "id": uuid, "name": string, "frameworkId": uuid, "framework": string,
                    "status": ["type": "string", "enum": ["draft", "open", "closed", "released"]],
                    "opensOn": day, "closesOn": day, "sources": ["type": "array", "items": source],
                    "rules": ref("Rules"), "reminderDaysBeforeClose": ["type": "array", "items": integer],
                ],
            ],
            "CycleList": ["type": "object", "properties": ["cycles": ["type": "array", "items": ref("Cycle")]]],
            "NewCycle": [
                "type": "object", "required": ["name", "frameworkId", "opensOn", "closesOn"],
                "description": "closesOn must be after opensOn (422 otherwise).",
                "properties": [
                    "name": text(maxLength: TextLimits.name), "frameworkId": uuid, "opensOn": calendarDay,
                    "closesOn": calendarDay,
                    "sources": ["type": "array", "items": source, "minItems": 1, "uniqueItems": true],
                    "rules": ref("Rules"),
                    "reminderDaysBeforeClose": ["type": "array", "items": Self.integer(1...60)],
                    "scope": [
                        "oneOf": [
                            [
                                "type": "object", "required": ["kind"],
                                "properties": ["kind": ["type": "string", "enum": ["all"]]],
                            ],
                            [
                                "type": "object", "required": ["kind", "id"],
                                "properties": ["kind": ["type": "string", "enum": ["team", "location"]], "id": uuid],
                            ],
                        ]
                    ],
                ],
            ],
            "Invitation": [
                "type": "object",
                "properties": [
                    "id": uuid, "subjectId": uuid, "subject": string, "source": source, "rater": string,
                    "status": ["type": "string", "enum": ["nominated", "approved", "revoked"]], "linkSentOn": day,
                    "submitted": [
                        "type": "boolean",
                        "description": "Self and supervisor only; never given for anonymous raters.",
                    ],
                ],
            ],
            "InvitationList": [
                "type": "object", "properties": ["invitations": ["type": "array", "items": ref("Invitation")]],
            ],
            "Report": [
                "type": "object",
                "properties": [
                    "cycleId": uuid, "personId": uuid, "name": string, "levels": ["type": "array", "items": string],
                    "roleProfile": string,
                    "groups": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "source": source,
                                "responses": [
                                    "type": "integer",
                                    "description": "Absent for anonymous sources not shown on their own.",
                                ],
                                "decision": [
                                    "type": "string", "enum": ["shown", "rolledUp", "withheld", "afterClose"],
                                ],
                                "commentsShown": ["type": "boolean"],
                            ],
                        ],
                    ],
                    "otherRaters": ["type": "array", "items": source],
                    "competencies": ["type": "array", "items": ["type": "object"]],
                    "questions": ["type": "array", "items": ["type": "object"]],
                ],
            ],
            "SliceResults": [
                "type": "object",
                "properties": [
                    "slice": ["type": "object", "additionalProperties": string], "disclosed": ["type": "boolean"],
                    "reason": string, "responses": integer,
                    "questions": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "code": string, "competency": string, "withheld": ["type": "boolean"],
                                "responses": integer, "mean": number, "dontKnow": integer,
                                "counts": ["type": "object", "additionalProperties": integer],
                            ],
                        ],
                    ],
                ],
            ],
            "NewAction": [
                "type": "object",
                "required": ["title"],
                "properties": [
                    "title": string, "measure": string, "ownerName": string,
                    "dueOn": ["type": "string", "description": "YYYY-MM-DD, or empty"],
                    "addresses": [
                        "type": "string", "description": "competency:CODE, question:CODE, or empty",
                    ],
                    "feasibilityNote": string, "cycleId": uuid,
                    "status": [
                        "type": "string", "enum": ["open", "inProgress", "done", "dropped"],
                        "description": "Open when left out",
                    ],
                ],
            ],
            "Action": [
                "type": "object",
                "properties": [
                    "id": uuid, "cycleId": uuid, "title": string, "measure": string, "ownerName": string,
                    "dueOn": day,
                    "status": ["type": "string", "enum": ["open", "inProgress", "done", "dropped"]],
                    "competencyCode": string, "questionCode": string, "feasibilityNote": string,
                    "smartGaps": ["type": "array", "items": string],
                ],
            ],
            "Agreement": [
                "type": "object", "required": ["units", "raters", "krippendorffAlpha", "icc", "fleissKappa", "notes"],
                "properties": [
                    "units": integer, "raters": integer,
                    "krippendorffAlpha": [
                        "type": "object",
                        "properties": [
                            "nominal": ["type": ["number", "null"]], "ordinal": ["type": ["number", "null"]],
                            "interval": ["type": ["number", "null"]], "ratio": ["type": ["number", "null"]],
                        ],
                    ],
                    "icc": [
                        "type": ["object", "null"],
                        "properties": [
                            "ICC1": number, "ICC2": number, "ICC3": number, "ICC1k": number, "ICC2k": number,
                            "ICC3k": number, "completeUnits": integer,
                        ],
                    ],
                    "fleissKappa": ["type": ["number", "null"]],
                    "cohenKappa": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "raters": ["type": "array", "items": string], "units": integer,
                                "kappa": ["type": ["number", "null"]],
                            ],
                        ],
                    ],
                    "notes": [
                        "type": "array", "items": string,
                        "description":
                            "Why some figures were computed and others not: without a level, a scale of up to 20 whole numbers gets alpha at every level, scores get interval and ordinal alpha only, and Fleiss' kappa only categories",
                    ],
                ],
            ],
            "RaterForm": [
                "type": "object",
                "properties": [
                    "cycle": string, "subject": string, "source": source, "closesOn": day,
                    "submitted": ["type": "boolean"], "levels": ["type": "array", "items": string],
                    "competencies": ["type": "array", "items": ["type": "object"]],
                    "questions": ["type": "array", "items": ["type": "object"]],
                    "answers": ["type": "array", "items": string],
                    "fields": ["type": "object", "additionalProperties": string],
                ],
            ],
        ]
    }
}
