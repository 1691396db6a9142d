import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, served at `/openapi.json`. A test walks every
/// registered API route and fails when one is missing here.
enum OpenAPIDocument {
    static func json() -> Data {
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Acumen API",
                "version": "1",
                "description":
                    "Competency frameworks, people, accounts, assessment cycles, raters' forms and results. Authenticate with a bearer token from POST /api/v1/auth/token. Errors are JSON: {\"error\": {\"code\", \"message\", \"field\"}}.",
            ],
            "servers": [["url": "/"]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas.merging(assessmentSchemas) { first, _ in first }.merging(calibrationSchemas) {
                    first, _ in first
                }.merging(developmentSchemas) { first, _ in first }.merging(analyticsSchemas) { first, _ in first }
                    .merging(knowledgeCheckSchemas) { first, _ in first },
            ],
            "security": [["bearer": [String]()]],
            "paths": paths.merging(assessmentPaths) { first, _ in first }.merging(calibrationPaths) { first, _ in first
            }.merging(developmentPaths) { first, _ in first }.merging(analyticsPaths) { first, _ in first }
                .merging(knowledgeCheckPaths) { first, _ in first },
        ]
        return
            (try? JSONSerialization.data(
                withJSONObject: applyingCommonRules(to: document), options: [.sortedKeys, .prettyPrinted])) ?? Data()
    }

    /// What holds for every operation, applied once here rather than at each: a query
    /// parameter, when sent, has a value (`EmptyQueryValues`), and an operation that takes a
    /// body answers 415 to a body of another media type, or none.
    private static func applyingCommonRules(to document: [String: Any]) -> [String: Any] {
        var document = document
        guard var paths = document["paths"] as? [String: Any] else { return document }
        for (path, item) in paths {
            guard var operations = item as? [String: Any] else { continue }
            for (method, value) in operations {
                guard var operation = value as? [String: Any] else { continue }
                if let parameters = operation["parameters"] as? [[String: Any]] {
                    operation["parameters"] = parameters.map { parameter -> [String: Any] in
                        guard parameter["in"] as? String == "query", var schema = parameter["schema"] as? [String: Any],
                            schema["type"] as? String == "string", schema["minLength"] == nil
                        else { return parameter }
                        schema["minLength"] = 1
                        return parameter.merging(["schema": schema]) { _, new in new }
                    }
                }
                if operation["requestBody"] != nil, var responses = operation["responses"] as? [String: Any],
                    responses["415"] == nil
                {
                    responses["415"] = ["description": errorDescription("415")].merging(jsonBody(ref("Error"))) {
                        a, _ in a
                    }
                    operation["responses"] = responses
                }
                operations[method] = operation
            }
            paths[path] = operations
        }
        document["paths"] = paths
        return document
    }

    /// An OpenAPI link: the operation `id` takes `parameters` from this answer (`$response.body#/id`)
    /// or this request (`$request.path.cycleID`), so that a client, or schemathesis's stateful
    /// phase, can go on from what it just made or listed to what uses it.
    static func link(_ id: String, _ parameters: [String: String]) -> [String: Any] {
        ["operationId": id, "parameters": parameters]
    }

    /// Links from an answer that names one thing by `expression` to every operation in `ids`
    /// that takes it as `parameter`.
    static func links(to ids: [String], _ parameter: String, from expression: String, keeping: [String: String] = [:])
        -> [String: [String: Any]]
    {
        Dictionary(
            uniqueKeysWithValues: ids.map { id in
                (id, link(id, keeping.merging([parameter: expression]) { _, new in new }))
            })
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    /// A day as Acumen takes one (`CalendarDate`): `YYYY-MM-DD`, a real day from 1900 to 2200.
    /// Said by a pattern rather than `format: date`, which admits years 0001 to 9999.
    static var calendarDay: [String: Any] {
        ["type": "string", "pattern": calendarDayPattern, "description": "YYYY-MM-DD, from 1900 to 2200"]
    }

    static let calendarDayPattern: String = {
        let monthDay =
            "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        let leapYear = "(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000"
        return "^(?:(?:19[0-9]{2}|2[01][0-9]{2}|2200)-\(monthDay)|(?:\(leapYear))-02-29)$"
    }()

    /// Text that must say something: at least one character that is not a space.
    static func text(maxLength: Int) -> [String: Any] {
        ["type": "string", "minLength": 1, "maxLength": maxLength, "pattern": "\\S"]
    }

    static func integer(_ range: ClosedRange<Int>) -> [String: Any] {
        ["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound]
    }

    static func jsonBody(_ schema: [String: Any]) -> [String: Any] {
        ["content": ["application/json": ["schema": schema]]]
    }

    static func operation(
        _ summary: String, id: String, response: [String: Any], status: String = "200",
        parameters: [[String: Any]] = [],
        requestBody: [String: Any]? = nil, errors: [String] = ["401"], secured: Bool = true,
        links: [String: [String: Any]] = [:]
    ) -> [String: Any] {
        var success: [String: Any] = ["description": "Success"]
        if !links.isEmpty { success["links"] = links }
        // 204 No Content has no body to describe.
        if status != "204" { success.merge(jsonBody(response)) { first, _ in first } }
        var responses: [String: Any] = [status: success]
        for code in errors {
            responses[code] = ["description": errorDescription(code)].merging(jsonBody(ref("Error"))) { a, _ in a }
        }
        var operation: [String: Any] = ["summary": summary, "operationId": id, "responses": responses]
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if let requestBody { operation["requestBody"] = requestBody }
        if !secured { operation["security"] = [[String: Any]]() }
        return operation
    }

    private static func errorDescription(_ code: String) -> String {
        switch code {
        case "400": "Malformed request"
        case "401": "Missing or invalid credentials"
        case "403": "The role does not allow this"
        case "404": "Not found, or not visible to this user"
        case "422": "Valid JSON, but the content breaks a rule; details list every problem"
        case "409": "The request conflicts with the resource's current state"
        case "413": "The body is larger than this operation takes"
        case "415": "The body is missing, or not of a media type this operation takes"
        case "429": "Too many failed sign-ins"
        default: "Error"
        }
    }

    private static var idParameter: [String: Any] {
        [
            "name": "frameworkID", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"],
        ]
    }

    private static var paths: [String: Any] {
        [
            "/api/v1/auth/token": [
                "post": operation(
                    "Exchange email and password for a bearer token", id: "createToken", response: ref("Token"),
                    requestBody: ["required": true].merging(jsonBody(ref("Credentials"))) { a, _ in a },
                    errors: ["400", "401", "429"], secured: false)
            ],
            "/api/v1/me": ["get": operation("The signed-in user", id: "me", response: ref("Me"))],
            "/api/v1/people": [
                "get": operation(
                    "People visible to the caller", id: "listPeople", response: ref("PersonList"),
                    links: links(to: ["personRoadmap"], "personID", from: "$response.body#/people/0/id"))
            ],
            "/api/v1/accounts": [
                "get": operation(
                    "Accounts visible to the caller: programme staff every one, anyone else those they manage, serve or review",
                    id: "listAccounts", response: ref("AccountList"), errors: ["401", "403"],
                    links: links(
                        to: ["getAccountResults", "listActions", "addAction"], "accountID",
                        from: "$response.body#/accounts/0/id"))
            ],
            "/api/v1/frameworks": [
                "get": operation(
                    "Framework versions visible to the caller", id: "listFrameworks", response: ref("FrameworkList"),
                    links: links(to: ["getFramework"], "frameworkID", from: "$response.body#/frameworks/0/id")
                        .merging([
                            "createCycle": [
                                "operationId": "createCycle",
                                "requestBody": ["frameworkId": "$response.body#/frameworks/0/id"],
                            ]
                        ]) { first, _ in first })
            ],
            "/api/v1/frameworks/{frameworkID}": [
                "get": operation(
                    "One framework version with categories, competencies, levels and behaviours", id: "getFramework",
                    response: ref("Framework"), parameters: [idParameter], errors: ["401", "404"])
            ],
            "/api/v1/frameworks/import": [
                "post": operation(
                    "Import a CASE 1.1 package as a new draft framework", id: "importFramework",
                    response: ref("Framework"), status: "201",
                    requestBody: ["required": true, "description": "A CASE 1.1 CFPackage"].merging(
                        jsonBody(["type": "object"])
                    ) { a, _ in a },
                    errors: ["400", "401", "403", "422"],
                    links: links(to: ["getFramework"], "frameworkID", from: "$response.body#/id"))
            ],
        ]
    }

    private static var schemas: [String: Any] {
        let string: [String: Any] = ["type": "string"]
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let date: [String: Any] = ["type": "string", "format": "date-time"]
        let status: [String: Any] = ["type": "string", "enum": ["draft", "published", "retired"]]
        return [
            "Error": [
                "type": "object", "required": ["error"],
                "properties": [
                    "error": [
                        "type": "object", "required": ["code", "message"],
                        "properties": [
                            "code": string, "message": string, "field": string,
                            "details": ["type": "array", "items": string],
                        ],
                    ]
                ],
            ],
            "Credentials": [
                "type": "object", "required": ["email", "password"],
                "properties": ["email": string, "password": string],
            ],
            "Token": [
                "type": "object", "required": ["token", "tokenType", "expiresAt"],
                "properties": ["token": string, "tokenType": string, "expiresAt": date],
            ],
            "Me": [
                "type": "object",
                "properties": [
                    "id": uuid, "email": string, "personId": uuid,
                    "role": [
                        "type": "string",
                        "enum": [
                            "administrator", "programmeManager", "supervisor", "accountManager", "customerReviewer",
                        ],
                    ],
                ],
            ],
            "Person": [
                "type": "object",
                "properties": [
                    "id": uuid, "name": string, "email": string, "jobTitle": string, "organisation": string,
                    "location": string, "team": string, "supervisorId": uuid,
                    "hireDate": ["type": "string", "format": "date"],
                    "employmentStatus": ["type": "string", "enum": ["active", "left"]], "endDate": string,
                ],
            ],
            "AccountList": [
                "type": "object", "required": ["accounts"],
                "properties": [
                    "accounts": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": ["id", "name", "customer", "accountManagerId", "accountManager"],
                            "properties": [
                                "id": uuid, "name": string, "customer": string, "accountManagerId": uuid,
                                "accountManager": string,
                            ],
                        ],
                    ]
                ],
            ],
            "PersonList": ["type": "object", "properties": ["people": ["type": "array", "items": ref("Person")]]],
            "FrameworkSummary": [
                "type": "object",
                "properties": [
                    "id": uuid, "lineageId": uuid, "name": string, "owner": string, "version": ["type": "integer"],
                    "status": status, "updatedAt": date, "publishedAt": date,
                ],
            ],
            "FrameworkList": [
                "type": "object", "properties": ["frameworks": ["type": "array", "items": ref("FrameworkSummary")]],
            ],
            "Framework": [
                "type": "object",
                "properties": [
                    "id": uuid, "lineageId": uuid, "name": string, "description": string, "owner": string,
                    "version": ["type": "integer"], "status": status, "levels": ["type": "array", "items": string],
                    "createdAt": date, "updatedAt": date, "publishedAt": date,
                    "roleProfiles": ["type": "array", "items": ["type": "object"]],
                    "origin": [
                        "type": "object",
                        "description":
                            "Only for an imported version: where it came from and what its import generated or adapted.",
                        "properties": [
                            "source": ["type": "string", "enum": ["casePackage", "caseProvider", "moodleCSV"]],
                            "url": string, "importedAt": date, "notes": ["type": "array", "items": string],
                        ],
                        "required": ["source", "importedAt", "notes"],
                    ],
                    "categories": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "id": uuid, "code": string, "title": string, "description": string,
                                "competencies": [
                                    "type": "array",
                                    "items": [
                                        "type": "object",
                                        "properties": [
                                            "id": uuid, "code": string, "title": string, "description": string,
                                            "levels": [
                                                "type": "array",
                                                "items": [
                                                    "type": "object",
                                                    "properties": [
                                                        "position": ["type": "integer"], "name": string,
                                                        "behaviours": ["type": "array", "items": string],
                                                    ],
                                                ],
                                            ],
                                            "indicators": [
                                                "type": "array",
                                                "items": [
                                                    "type": "object",
                                                    "properties": [
                                                        "id": uuid,
                                                        "parentId": ["type": ["string", "null"], "format": "uuid"],
                                                        "code": string, "title": string, "description": string,
                                                    ],
                                                ],
                                            ],
                                        ],
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
        ]
    }
}
