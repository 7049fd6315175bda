#pragma once
// Graphviz "dot" layout of a directed graph, returned as plain positions.
//
// Input and output are Qt-free values so the layout can run in a job thread
// and be kept in an immutable snapshot. Graphviz's C API is not thread-safe:
// layoutGraph() serialises every Graphviz call behind one process-wide mutex,
// so it may be called from any thread.

#include <string>
#include <utility>
#include <vector>

namespace tessera::views {

// A point in layout coordinates: points (1/72 inch), origin at the top-left
// of the drawing, y growing downwards (Qt's convention, not Graphviz's).
struct LayoutPoint {
    double x = 0;
    double y = 0;
};

struct GraphLayoutRequest {
    struct Node {
        double widthPt = 72;   // box width, points (> 0)
        double heightPt = 36;  // box height, points (> 0)
    };
    std::vector<Node> nodes;
    // (from, to) node indices; out-of-range or self edges are ignored.
    std::vector<std::pair<int, int>> edges;
    bool topToBottom = true;  // dot rankdir TB (true) or LR (false)
    double nodeSepPt = 18;    // horizontal gap between nodes of one rank, points
    double rankSepPt = 30;    // vertical gap between ranks, points
};

struct LayoutNode {
    LayoutPoint center;   // box centre
    double widthPt = 0;   // as requested
    double heightPt = 0;
};

struct LayoutEdge {
    int from = -1;
    int to = -1;
    // Piecewise cubic Bezier: points[0], then (control, control, end) triples.
    // Empty when Graphviz produced no spline for the edge.
    std::vector<LayoutPoint> points;
    bool hasArrow = false;  // arrowTip is valid
    LayoutPoint arrowTip;   // where the arrowhead ends (the head node's border)
};

struct GraphLayout {
    std::vector<LayoutNode> nodes;  // indexed like GraphLayoutRequest::nodes
    std::vector<LayoutEdge> edges;  // the request's valid edges, in order
    double widthPt = 0;             // drawing size, points
    double heightPt = 0;
    double seconds = 0;             // wall time of the Graphviz calls (lock wait excluded)
    std::string error;              // empty on success; says what failed
    bool ok() const { return error.empty(); }
};

// Runs dot on the request. Never throws for a Graphviz failure: the result's
// error says what went wrong, and nodes fall back to a simple column.
GraphLayout layoutGraph(const GraphLayoutRequest& request);

}  // namespace tessera::views
