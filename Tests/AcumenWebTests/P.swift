import XCTest

final class PAcumenWebTests: XCTestCase { func testNothing() {} }
