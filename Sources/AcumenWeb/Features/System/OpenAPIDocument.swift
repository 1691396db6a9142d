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
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static func jsonBody(_ schema: [String: Any]) -> [String: Any] {
        ["content": ["application/json": ["schema": schema]]]
    }

    static func operation(
        _ summary: String, id: String, response: [String: Any], status: String = "200",
        parameters: [[String: Any]] = [],
        requestBody: [String: Any]? = nil, errors: [String] = ["401"], secured: Bool = true
    ) -> [String: Any] {
        var success: [String: Any] = ["description": "Success"]
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
                "get": operation("People visible to the caller", id: "listPeople", response: ref("PersonList"))
            ],
            "/api/v1/frameworks": [
                "get": operation(
                    "Framework versions visible to the caller", id: "listFrameworks", response: ref("FrameworkList"))
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
                    errors: ["400", "401", "403", "422"])
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
