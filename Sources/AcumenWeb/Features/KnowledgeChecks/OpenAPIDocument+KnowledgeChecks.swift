import AcumenCore
import Foundation

/// The knowledge-check part of `/openapi.json`: checks, attempts, the attempts export, the item
/// analysis and the question bank.
extension OpenAPIDocument {
    /// The operations that take a check's id.
    private static let checkOperations = ["getCheck", "startAttempt", "checkAnalysis", "checkAttemptsCSV"]

    static var knowledgeCheckPaths: [String: Any] {
        func path(_ name: String) -> [String: Any] {
            ["name": name, "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
        }
        let format: [String: Any] = [
            "name": "format", "in": "query", "required": false,
            "description": "csv (the default), gift or moodle (Moodle XML)",
            "schema": ["type": "string", "enum": QuestionBankFormat.allCases.map(\.rawValue)],
        ]
        let file: [String: Any] = ["type": "string", "minLength": 1, "description": "the whole file"]
        return [
            "/api/v1/checks": [
                "get": operation(
                    "Every knowledge check, by title. Everyone at the vendor", id: "listChecks",
                    response: ["type": "array", "items": ref("Check")], errors: ["401", "403"],
                    links: links(to: checkOperations, "checkID", from: "$response.body#/0/id")),
                "post": operation(
                    "Assembles a check from the bank: fixed questions or numbers drawn per competency and level for each attempt. Refused (422) with every problem, nothing saved, when the bank cannot supply it, the offering is another check's, or a verbal check's script is not all scenarios. Programme staff",
                    id: "createCheck", response: ref("Check"), status: "201",
                    requestBody: ["required": true].merging(jsonBody(ref("NewCheck"))) { a, _ in a },
                    errors: ["400", "401", "403", "422"],
                    links: links(to: checkOperations, "checkID", from: "$response.body#/id")),
            ],
            "/api/v1/checks/{checkID}": [
                "get": operation(
                    "One knowledge check", id: "getCheck", response: ref("Check"), parameters: [path("checkID")],
                    errors: ["401", "403", "404"])
            ],
            "/api/v1/checks/{checkID}/attempts": [
                "post": operation(
                    "Starts an attempt at a written check for the signed-in person, or resumes the one under way (an attempt whose time ran out is submitted as it stands first). Its questions come without their answers. Refused (409) when every allowed attempt is used",
                    id: "startAttempt", response: ref("Attempt"), status: "201", parameters: [path("checkID")],
                    errors: ["401", "403", "404", "409"],
                    links: links(
                        to: ["getAttempt", "saveAnswers", "submitAttempt"], "attemptID", from: "$response.body#/id"))
            ],
            "/api/v1/attempts/{attemptID}": [
                "get": operation(
                    "An attempt: its questions in the order shown, the answers saved, and once submitted the score and each question's result and explanation. The person's own; an assessor sees submitted attempts of the people they may assess",
                    id: "getAttempt", response: ref("Attempt"), parameters: [path("attemptID")],
                    errors: ["401", "403", "404"])
            ],
            "/api/v1/attempts/{attemptID}/answers": [
                "put": operation(
                    "Saves answers to an attempt under way; each replaces what was saved for its question. An answer to a question the attempt does not ask is refused (422), as are answers after the time limit or to a submitted attempt (409); every refusal is recorded",
                    id: "saveAnswers", response: ref("Attempt"), parameters: [path("attemptID")],
                    requestBody: ["required": true].merging(
                        jsonBody([
                            "type": "object", "required": ["answers"],
                            "properties": ["answers": ["type": "array", "items": ref("Answer")]],
                        ])
                    ) { a, _ in a }, errors: ["400", "401", "403", "404", "409", "422"])
            ],
            "/api/v1/attempts/{attemptID}/submit": [
                "post": operation(
                    "Submits an attempt: it is scored on the server and is final. A second submission is refused (409) and recorded",
                    id: "submitAttempt", response: ref("Attempt"), parameters: [path("attemptID")],
                    errors: ["401", "403", "404", "409"])
            ],
            "/api/v1/checks/{checkID}/attempts.csv": [
                "get": [
                    "summary":
                        "One row per question of every submitted attempt, in the order submitted: attempt_id, person_id, question_id, question_version, option (the option keys chosen, joined by |; blank for questions that are not choice questions), score (0 to 1). Attempts still waiting for an assessor are left out until scored, as in the analysis. Programme staff",
                    "operationId": "checkAttemptsCSV", "parameters": [path("checkID")],
                    "responses": [
                        "200": [
                            "description": "Success",
                            "content": ["text/csv": ["schema": ["type": "string"]]],
                        ],
                        "401": ["description": "Missing or invalid credentials"].merging(jsonBody(ref("Error"))) {
                            a, _ in a
                        },
                        "403": ["description": "The role does not allow this"].merging(jsonBody(ref("Error"))) {
                            a, _ in a
                        },
                        "404": ["description": "Not found"].merging(jsonBody(ref("Error"))) { a, _ in a },
                    ],
                ]
            ],
            "/api/v1/checks/{checkID}/analysis": [
                "get": operation(
                    "The check's item analysis over its submitted, fully scored attempts: reliability as kr20 (every question right or wrong) or cronbachAlpha, the standard error of measurement in questions, and per question version its difficulty, corrected point-biserial discrimination, flags and option shares. Programme staff",
                    id: "checkAnalysis", response: ref("ItemAnalysis"), parameters: [path("checkID")],
                    errors: ["401", "403", "404"])
            ],
            "/api/v1/questions": [
                "get": operation(
                    "The question bank: every question's latest version, with its right answers. Programme staff",
                    id: "listQuestions", response: ["type": "array", "items": ref("Question")],
                    errors: ["401", "403"],
                    links: [
                        "createCheck": [
                            "operationId": "createCheck",
                            "requestBody": ["questionIds": ["$response.body#/0/id", "$response.body#/1/id"]],
                        ]
                    ])
            ],
            "/api/v1/questions/export": [
                "get": [
                    "summary": "The whole bank as a file: CSV, GIFT or Moodle XML. Programme staff",
                    "operationId": "exportQuestions", "parameters": [format],
                    "responses": [
                        "200": [
                            "description": "Success",
                            "content": [
                                "text/csv": ["schema": file], "text/plain": ["schema": file],
                                "application/xml": ["schema": file],
                            ],
                        ],
                        "400": ["description": "Malformed request"].merging(jsonBody(ref("Error"))) { a, _ in a },
                        "401": ["description": "Missing or invalid credentials"].merging(jsonBody(ref("Error"))) {
                            a, _ in a
                        },
                        "403": ["description": "The role does not allow this"].merging(jsonBody(ref("Error"))) {
                            a, _ in a
                        },
                    ],
                ]
            ],
            "/api/v1/questions/import": [
                "post": operation(
                    "Imports a bank file sent as the body, in the format named: questions without a known id are added; those naming one are revised (as a new version once someone has answered them). All or nothing: a refused file changes nothing and its problems are listed by line",
                    id: "importQuestions", response: ref("QuestionImport"), parameters: [format],
                    requestBody: [
                        "required": true,
                        "content": [
                            "text/csv": ["schema": file], "text/plain": ["schema": file],
                            "application/xml": ["schema": file],
                        ],
                    ], errors: ["400", "401", "403", "413", "422"])
            ],
        ]
    }

    static var knowledgeCheckSchemas: [String: Any] {
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let share: [String: Any] = ["type": "number", "minimum": 0, "maximum": 1]
        let nullableShare: [String: Any] = ["type": ["number", "null"], "minimum": 0, "maximum": 1]
        return [
            "Check": [
                "type": "object",
                "required": ["id", "title", "kind", "questionCount", "passMark", "shufflesOptions"],
                "properties": [
                    "id": uuid, "title": ["type": "string"],
                    "kind": ["type": "string", "enum": ["written", "verbal"]],
                    "offeringId": ["type": ["string", "null"], "format": "uuid"],
                    "questionCount": ["type": "integer"],
                    "timeLimitMinutes": ["type": ["integer", "null"], "description": "null: no limit"],
                    "passMark": share,
                    "allowedAttempts": ["type": ["integer", "null"], "description": "null: no limit"],
                    "shufflesOptions": ["type": "boolean"],
                ],
            ],
            "NewCheck": [
                "type": "object", "required": ["title", "passMark"],
                "description":
                    "Fixed questions (questionIds) or questions drawn per competency and level (draws); questions and draws the bank cannot supply are refused (422)",
                "anyOf": [
                    [
                        "required": ["questionIds"],
                        "properties": ["questionIds": ["minItems": 1, "uniqueItems": true]],
                    ],
                    ["required": ["draws"], "properties": ["draws": ["minItems": 1]]],
                ],
                "properties": [
                    "title": text(maxLength: TextLimits.name),
                    "kind": ["type": "string", "enum": ["written", "verbal"]],
                    "offeringId": ["type": "string", "format": "uuid"],
                    "questionIds": ["type": "array", "items": uuid],
                    "draws": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["competency", "level", "count"],
                            "properties": [
                                "competency": ["type": "string", "minLength": 1],
                                "level": integer(1...10), "count": integer(1...500),
                            ],
                        ],
                    ],
                    "timeLimitMinutes": integer(KnowledgeCheck.timeLimits),
                    "passMark": ["type": "number", "exclusiveMinimum": 0, "maximum": 1],
                    "allowedAttempts": integer(KnowledgeCheck.attemptLimits),
                    "shufflesOptions": ["type": "boolean"],
                ],
            ],
            "Answer": [
                "type": "object", "required": ["questionId"],
                "description": "One of choices, number, order or text, as the question's kind asks",
                "oneOf": ["choices", "number", "order", "text"].map { field in
                    [
                        "required": [field],
                        "not": [
                            "anyOf": ["choices", "number", "order", "text"].filter { $0 != field }.map {
                                ["required": [$0]]
                            }
                        ],
                    ]
                },
                "properties": [
                    "questionId": uuid,
                    "choices": [
                        "type": "array", "items": ["type": "string"],
                        "description": "option keys: one for single choice and true/false",
                    ],
                    "number": ["type": "number"],
                    "order": [
                        "type": "array", "items": ["type": "string"], "description": "every option key, first first",
                    ],
                    "text": ["type": "string"],
                ],
            ],
            "Attempt": [
                "type": "object",
                "required": ["id", "checkId", "personId", "number", "startedAt", "status", "questions", "answers"],
                "properties": [
                    "id": uuid, "checkId": uuid, "personId": uuid, "number": ["type": "integer"],
                    "startedAt": ["type": "string", "format": "date-time"],
                    "deadline": ["type": ["string", "null"], "format": "date-time"],
                    "submittedAt": ["type": ["string", "null"], "format": "date-time"],
                    "status": ["type": "string", "enum": ["inProgress", "submitted"]],
                    "score": ["type": ["number", "null"], "description": "null until scored"],
                    "passed": ["type": ["boolean", "null"]],
                    "questions": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["questionId", "version", "kind", "prompt", "options"],
                            "properties": [
                                "questionId": uuid, "version": ["type": "integer"],
                                "kind": ["type": "string", "enum": QuestionKind.allCases.map(\.rawValue)],
                                "prompt": ["type": "string"],
                                "options": [
                                    "type": "array",
                                    "items": [
                                        "type": "object", "required": ["key", "text"],
                                        "properties": ["key": ["type": "string"], "text": ["type": "string"]],
                                        "additionalProperties": false,
                                    ],
                                ],
                            ],
                            "additionalProperties": false,
                        ],
                    ],
                    "answers": ["type": "array", "items": ref("Answer")],
                    "results": [
                        "type": ["array", "null"], "description": "once submitted",
                        "items": [
                            "type": "object", "required": ["questionId", "explanation"],
                            "properties": [
                                "questionId": uuid, "score": nullableShare,
                                "correctOptions": ["type": ["array", "null"], "items": ["type": "string"]],
                                "numericAnswer": ["type": ["number", "null"]],
                                "tolerance": ["type": ["number", "null"]],
                                "explanation": ["type": "string"],
                            ],
                        ],
                    ],
                ],
            ],
            "ItemAnalysis": [
                "type": "object",
                "required": ["checkId", "attempts", "completeAttempts", "reliabilityKind", "items"],
                "properties": [
                    "checkId": uuid, "attempts": ["type": "integer"],
                    "completeAttempts": [
                        "type": "integer", "description": "attempts that met every question: what reliability counts",
                    ],
                    "reliabilityKind": ["type": "string", "enum": ["kr20", "cronbachAlpha"]],
                    "kr20": [
                        "type": ["number", "null"], "description": "present when every question is right or wrong",
                    ],
                    "cronbachAlpha": ["type": ["number", "null"], "description": "present otherwise"],
                    "sem": ["type": ["number", "null"], "description": "standard error of measurement, in questions"],
                    "items": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": [
                                "questionId", "questionVersion", "attempts", "difficulty", "flags", "options",
                            ],
                            "properties": [
                                "questionId": uuid, "questionVersion": ["type": "integer"],
                                "attempts": ["type": "integer"],
                                "difficulty": ["type": "number", "description": "mean score, 0 to 1; high is easy"],
                                "discrimination": [
                                    "type": ["number", "null"],
                                    "description": "corrected point-biserial: correlation with the rest of the check",
                                ],
                                "flags": [
                                    "type": "array", "items": ["type": "string"],
                                    "description":
                                        "tooEasy, tooHard, weakDiscrimination, distractorFavoursStrong:<option>",
                                ],
                                "options": [
                                    "type": "array",
                                    "items": [
                                        "type": "object", "required": ["option", "isCorrect", "chosen", "share"],
                                        "properties": [
                                            "option": ["type": "string"], "isCorrect": ["type": "boolean"],
                                            "chosen": ["type": "integer"], "share": share,
                                            "strongShare": nullableShare, "weakShare": nullableShare,
                                        ],
                                    ],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "Question": [
                "type": "object",
                "required": [
                    "id", "version", "competency", "level", "kind", "prompt", "explanation", "options", "rubric",
                ],
                "properties": [
                    "id": uuid, "version": ["type": "integer"], "competency": ["type": "string"],
                    "level": ["type": "integer", "minimum": 1, "description": "1 is Baseline"],
                    "kind": ["type": "string", "enum": QuestionKind.allCases.map(\.rawValue)],
                    "prompt": ["type": "string"], "explanation": ["type": "string"],
                    "options": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["key", "text", "isCorrect"],
                            "properties": [
                                "key": ["type": "string"], "text": ["type": "string"], "isCorrect": ["type": "boolean"],
                            ],
                        ],
                    ],
                    "numericAnswer": ["type": ["number", "null"]], "tolerance": ["type": ["number", "null"]],
                    "rubric": ["type": "array", "items": ["type": "string"]],
                ],
            ],
            "QuestionImport": [
                "type": "object", "required": ["added", "revised", "newVersions", "unchanged"],
                "properties": [
                    "added": ["type": "integer"], "revised": ["type": "integer"],
                    "newVersions": ["type": "integer"], "unchanged": ["type": "integer"],
                ],
            ],
        ]
    }
}
