// Posynomial algebra, model printing, AM-GM condensation and the GP JSON
// reader's messages for malformed problems.

#include <QtTest>

#include <cmath>

#include "core/types.h"
#include "solver/gp/gp_json.h"
#include "solver/gp/gp_model.h"
#include "solver/gp/posynomial.h"

using namespace tessera::solver::gp;

class TestGpModel : public QObject {
    Q_OBJECT
private slots:
    void monomialAlgebra() {
        const Monomial x = Monomial::variable("x"), y = Monomial::variable("y");
        const Monomial m = 3.0 * pow(x, 2) * y / pow(y, 3);
        QCOMPARE(m.coefficient(), 3.0);
        QCOMPARE(m.exponent("x"), 2.0);
        QCOMPARE(m.exponent("y"), -2.0);
        QCOMPARE(m.toString(), std::string("3*x^2/y^2"));
        // x / x is the constant 1: the variable disappears.
        QVERIFY((x / x).isConstant());
        QCOMPARE(m.evaluate({{"x", 2.0}, {"y", 0.5}}), 3.0 * 4.0 * 4.0);
        QCOMPARE(pow(m, 0.5).exponent("x"), 1.0);
    }

    void posynomialAlgebra() {
        const Monomial x = Monomial::variable("x"), y = Monomial::variable("y");
        const Posynomial p = Posynomial(x) + Posynomial(y);
        const Posynomial sq = pow(p, 2);  // x^2 + 2xy + y^2: like terms merged
        QCOMPARE(sq.size(), std::size_t(3));
        QCOMPARE(sq.toString(), std::string("2*x*y + x^2 + y^2"));
        const Posynomial sum = p + Posynomial(x) + Posynomial(2.0);
        QCOMPARE(sum.size(), std::size_t(3));
        const Posynomial divided = sq / (x * y);
        const Point pt{{"x", 1.7}, {"y", 0.3}};
        QVERIFY(std::abs(divided.evaluate(pt) - sq.evaluate(pt) / (1.7 * 0.3)) < 1e-12);
        QVERIFY(std::abs((p * p).evaluate(pt) - 4.0) < 1e-12);
        QCOMPARE(sq.variables(), (std::vector<std::string>{"x", "y"}));
    }

    void condensation() {
        const Monomial x = Monomial::variable("x"), y = Monomial::variable("y");
        const Posynomial p = Posynomial(2.0 * x) + Posynomial(3.0 * y) + Posynomial(x * y);
        const Point x0{{"x", 1.5}, {"y", 0.7}};
        const Monomial m = condense(p, x0);
        // Equal at x0, below everywhere (AM-GM), same log-space gradient at x0.
        QVERIFY(std::abs(m.evaluate(x0) - p.evaluate(x0)) < 1e-12);
        for (double a : {0.1, 0.5, 2.0, 9.0})
            for (double b : {0.2, 1.0, 4.0}) QVERIFY(m.evaluate({{"x", a}, {"y", b}}) <= p.evaluate({{"x", a}, {"y", b}}) * (1 + 1e-12));
        const double h = 1e-6;
        const double dp = (std::log(p.evaluate({{"x", 1.5 * std::exp(h)}, {"y", 0.7}})) -
                           std::log(p.evaluate({{"x", 1.5 * std::exp(-h)}, {"y", 0.7}}))) / (2 * h);
        QVERIFY(std::abs(dp - m.exponent("x")) < 1e-6);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, condense(Posynomial(), x0));
    }

    void modelPrintingAndMax() {
        GpModel model;
        const Monomial x = Monomial::variable("x"), y = Monomial::variable("y");
        const Monomial t = model.addMax("latency", {Posynomial(2.0 * x), Posynomial(y) + Posynomial(1.0)});
        model.setObjective(Posynomial(t) + Posynomial(pow(x * y, -1.0)));
        model.addBounds("x", 0.5, 10.0);
        model.addEquality("pin", y, Monomial(2.0));
        QVERIFY(model.validate().empty());
        const std::string text = model.toString();
        QVERIFY2(text.find("minimize  latency + 1/x/y") != std::string::npos, text.c_str());
        QVERIFY2(text.find("latency[1]:  1 + y <= latency") != std::string::npos, text.c_str());
        QVERIFY2(text.find("pin:         y == 2") != std::string::npos, text.c_str());
        QVERIFY2(text.find("x <= 10:     x <= 10") != std::string::npos, text.c_str());
        const CompiledGp c = compile(model);
        QCOMPARE(c.variables, (std::vector<std::string>{"latency", "x", "y"}));
        QCOMPARE(c.inequalityCount(), 4);
        QCOMPARE(static_cast<int>(c.equalityNames.size()), 1);
    }

    void modelValidation() {
        GpModel model;
        model.setObjective(Posynomial(Monomial(-1.0, {{"x", 1.0}})));
        QVERIFY(model.validate().find("objective has coefficient -1") != std::string::npos);
        model.setObjective(Posynomial(Monomial::variable("x")));
        model.addConstraint("a", Posynomial(Monomial::variable("x", -1)));
        model.addConstraint("a", Posynomial(Monomial::variable("x", -2)));
        QVERIFY(model.validate().find("'a' is used twice") != std::string::npos);
    }

    void badJson_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative coefficient") << "negative_coefficient.json" << "constraints[0] ('alm').posy[0].c: coefficient must be positive, got -2";
        QTest::newRow("empty posynomial") << "empty_posynomial.json" << "constraints[0] ('lab').posy: must have at least 1 element";
        QTest::newRow("multi-term equality") << "multi_term_equality.json" << "constraints[0] ('hw').posy: \"==\" needs a single monomial";
        QTest::newRow("unknown key") << "unknown_key.json" << "constraints[0].weight: unknown key";
        QTest::newRow("NaN") << "nan.json" << "not valid JSON";
        QTest::newRow("string exponent") << "string_exponent.json" << "constraints[0] ('bw').posy[0].e.x: must be a number, got a string";
        QTest::newRow("bad sense") << "bad_sense.json" << "constraints[0] ('bw').sense: must be \"<=\" or \"==\", got \">=\"";
        QTest::newRow("zero coefficient") << "zero_objective_coefficient.json" << "objective[0].c: coefficient must be positive, got 0";
        QTest::newRow("no objective") << "no_objective.json" << "objective: is missing";
        QTest::newRow("duplicate name") << "duplicate_name.json" << "constraint name 'a' is used twice";
        QTest::newRow("infinite") << "infinite.json" << "constraints[0].posy[0].c: number overflow";
        QTest::newRow("missing file") << "does_not_exist.json" << "no such file";
    }

    void badJson() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const std::string path = std::string(TESSERA_TEST_DATA) + "/gp/bad/" + file.toStdString();
        try {
            readGpProblemFile(path);
            QFAIL("no error raised");
        } catch (const tessera::core::FormatError& e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains(expected), qPrintable(what));
            QVERIFY2(what.startsWith(QString::fromStdString(path)), qPrintable(what));
        }
    }

    void jsonRoundTrip() {
        GpModel model;
        model.setObjective(Posynomial(Monomial(2.0, {{"x", 1.0}, {"y", -0.5}})) + Posynomial(Monomial::variable("y")));
        model.addConstraint("c1", Posynomial(Monomial(0.5, {{"x", -1.0}})));
        model.addEquality("e1", Monomial(3.0, {{"y", 2.0}}));
        const GpModel back = gpProblemFromJson(gpProblemToJson(model), "roundtrip");
        QCOMPARE(back.toString(), model.toString());
    }
};

QTEST_APPLESS_MAIN(TestGpModel)
#include "tst_gp_model.moc"
