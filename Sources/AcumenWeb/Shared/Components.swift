import Plot

/// Any HTML element by name, for the elements Plot has no component for (main, section, dl, table parts).
struct Tag: Component {
    let name: String
    @ComponentBuilder let content: ContentProvider

    init(_ name: String, @ComponentBuilder content: @escaping ContentProvider) {
        self.name = name
        self.content = content
    }

    var body: Component {
        Node<HTML.BodyContext>.element(named: name, nodes: [.component(content())])
    }
}

/// A hidden form field carrying the session's CSRF token; every POST form includes one.
struct CSRFField: Component {
    let token: String

    var body: Component {
        Input(type: .hidden, name: CSRFProtection.fieldName, value: token)
    }
}

/// A form with one button that posts to a URL, for actions such as publish or sign out.
struct ActionButton: Component {
    let title: String
    let url: String
    let csrf: String
    var style = "button"

    var body: Component {
        Self.node(title, url, csrf, style)
    }

    static func node(_ title: String, _ url: String, _ csrf: String, _ style: String) -> Node<HTML.BodyContext> {
        .form(
            .class("inline"), .action(url), .method(.post),
            .input(.type(.hidden), .name(CSRFProtection.fieldName), .value(csrf)),
            .button(.type(.submit), .class(style), .text(title)))
    }
}

/// A labelled text field. The label wraps the input, so it is announced with it.
struct Field: Component {
    let label: String
    let name: String
    var value: String = ""
    var type: HTMLInputType = .text
    var required = false
    var hint: String?
    var autocomplete: String?
    var maxLength: Int?
    /// What is wrong with the value as sent, shown inside the label so it is read with the field.
    var problem: String?
    /// The id of a `datalist` whose entries the browser offers as the person types.
    var suggestions: String?
    /// The language the value is written in, when it is not the page's (a translation).
    var valueLanguage: String?

    var body: Component {
        Label(label) {
            if let hint { Span { Text(hint) }.class("hint") }
            if let problem { Span { Text(FieldProblem.sentence(problem)) }.class("field-error") }
            Input(type: type, name: name, value: value.isEmpty ? nil : value, isRequired: required)
                .attribute(named: "autocomplete", value: autocomplete)
                .attribute(named: "maxlength", value: maxLength.map(String.init))
                .attribute(named: "aria-invalid", value: problem == nil ? nil : "true")
                .attribute(named: "list", value: suggestions)
                .attribute(named: "lang", value: valueLanguage)
        }.class("field")
    }
}

/// A labelled drop-down list; the label wraps the list, so it is announced with it.
struct SelectField: Component {
    struct Choice {
        var value: String
        var label: String
    }

    let label: String
    let name: String
    let choices: [Choice]
    var selected: String?
    /// What is wrong with the choice as sent, read with the list.
    var problem: String?
    /// For a select whose purpose the page already shows (a table's column heading): the
    /// label is then read by screen readers only.
    var labelHidden = false

    var body: Component {
        // The label's text goes in a span, so that it can be hidden from sight alone.
        Label("") {
            Span(label).class(labelHidden ? "visually-hidden" : "label-text")
            if let problem { Span { Text(FieldProblem.sentence(problem)) }.class("field-error") }
            Node<HTML.BodyContext>.element(
                named: "select",
                nodes: [
                    .attribute(named: "name", value: name),
                    .attribute(named: "aria-invalid", value: problem == nil ? "" : "true"),
                ]
                    + choices.map { choice in
                        .element(
                            named: "option",
                            nodes: [
                                // An empty value ("no choice") must still be sent as empty, not as the label.
                                .attribute(named: "value", value: choice.value, ignoreIfValueIsEmpty: false),
                                choice.value == selected ? .attribute(named: "selected", value: "selected") : .empty,
                                .text(choice.label),
                            ])
                    })
        }.class("field")
    }
}

/// A table of records that scrolls sideways on a phone. The scroll region takes focus so that
/// keyboard users can scroll it, and is named by the caption. The first cell of each row heads it.
/// A table whose rows are read one at a time (a person, a cycle) can instead stack on a phone:
/// each row becomes a block whose cells carry their column's heading.
struct DataTable: Component {
    let caption: String
    let headings: [String]
    let rows: [[Component]]
    var stacksOnPhone = false

    var body: Component {
        // Built from nodes rather than components: Plot reflects on every component it renders,
        // which on a long table cost more than the rest of the page.
        typealias Body = Node<HTML.BodyContext>
        let headingRow = Body.element(
            named: "tr",
            nodes: headings.map { .element(named: "th", nodes: [.attribute(named: "scope", value: "col"), .text($0)]) })
        let bodyRows: [Body] = rows.map { row in
            .element(
                named: "tr",
                nodes: row.enumerated().map { position, cell in
                    position == 0
                        ? .element(named: "th", nodes: [.attribute(named: "scope", value: "row"), .component(cell)])
                        : .element(
                            named: "td",
                            nodes: [
                                stacksOnPhone && position < headings.count
                                    ? .attribute(named: "data-label", value: headings[position]) : .empty,
                                .component(cell),
                            ])
                })
        }
        return Body.element(
            named: "div",
            nodes: [
                .class("table-scroll"), .attribute(named: "tabindex", value: "0"),
                .attribute(named: "aria-label", value: caption),
                .element(
                    named: "table",
                    nodes: [
                        .class(stacksOnPhone ? "table stacked" : "table"),
                        .element(named: "caption", nodes: [.text(caption)]),
                        .element(named: "thead", nodes: [headingRow]),
                        .element(named: "tbody", nodes: bodyRows),
                    ]),
            ])
    }
}

/// A labelled multi-line field.
struct AreaField: Component {
    let label: String
    let name: String
    var value: String = ""
    var rows = 4
    var hint: String?
    var required = false
    /// What is wrong with the text as sent, read with the field.
    var problem: String?
    /// The language the value is written in, when it is not the page's (a translation).
    var valueLanguage: String?

    var body: Component {
        Label(label) {
            if let hint { Span { Text(hint) }.class("hint") }
            if let problem { Span { Text(FieldProblem.sentence(problem)) }.class("field-error") }
            TextArea(text: value, name: name, numberOfRows: rows, isRequired: required)
                .attribute(named: "aria-invalid", value: problem == nil ? nil : "true")
                .attribute(named: "lang", value: valueLanguage)
        }.class("field")
    }
}

/// A status badge whose colour is backed by text, never colour alone.
struct StatusBadge: Component {
    let text: String
    let kind: String

    var body: Component {
        Span { Text(text) }.class("badge badge-\(kind)")
    }
}

/// A form's submit button.
struct SubmitButton: Component {
    let title: String
    var style = "button primary"
    var name: String?
    var value: String?

    var body: Component {
        Button { Text(title) }.attribute(named: "type", value: "submit").attribute(named: "name", value: name)
            .attribute(named: "value", value: value).class(style)
    }
}

extension DataTable {
    /// The same table for cells that are plain text, built as Plot nodes: large tables render
    /// several times faster this way than as components, which Plot inspects by reflection.
    static func text(caption: String, headings: [String], rows: [[String]]) -> Node<HTML.BodyContext> {
        .div(
            .class("table-scroll"), .attribute(named: "tabindex", value: "0"),
            .attribute(named: "aria-label", value: caption),
            .table(
                .class("table"),
                .caption(.text(caption)),
                .thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .forEach(Array(row.enumerated())) { position, cell in
                                position == 0
                                    ? .th(.attribute(named: "scope", value: "row"), .text(cell)) : .td(.text(cell))
                            })
                    })
            ))
    }
}

/// A problem shown beside its field, written as the start of a sentence whichever way the
/// check worded it ("say what will be done" reads "Say what will be done").
enum FieldProblem {
    static func sentence(_ problem: String) -> String {
        problem.prefix(1).uppercased() + problem.dropFirst()
    }
}

extension Component {
    /// The component with each of `pairs` as an attribute.
    func attributes(_ pairs: [(name: String, value: String)]) -> Component {
        pairs.reduce(self as Component) { $0.attribute(named: $1.name, value: $1.value) }
    }
}
