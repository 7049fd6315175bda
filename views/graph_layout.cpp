#include "graph_layout.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include <gvc.h>

namespace tessera::views {
namespace {

// One context for the process: creating one loads Graphviz's plugin
// configuration, which is not free, and neither it nor any graph may be
// touched by two threads at once.
std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

GVC_t* graphvizContext() {
    static GVC_t* context = gvContext();
    return context;
}

// Graphviz wants mutable char*; keep the strings alive for the call.
struct CStr {
    explicit CStr(std::string s) : text(std::move(s)) {}
    char* get() { return text.data(); }
    std::string text;
};

std::string number(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", value);
    return buf;
}

// Used when Graphviz fails, so callers can still draw something.
void columnFallback(const GraphLayoutRequest& request, GraphLayout& out) {
    double y = 0;
    double width = 0;
    for (const auto& n : request.nodes) width = std::max(width, n.widthPt);
    for (const auto& n : request.nodes) {
        out.nodes.push_back({{width / 2, y + n.heightPt / 2}, n.widthPt, n.heightPt});
        y += n.heightPt + request.rankSepPt;
    }
    for (const auto& [from, to] : request.edges) {
        LayoutEdge e;
        e.from = from;
        e.to = to;
        out.edges.push_back(e);
    }
    out.widthPt = width;
    out.heightPt = std::max(0.0, y - request.rankSepPt);
}

}  // namespace

GraphLayout layoutGraph(const GraphLayoutRequest& request) {
    GraphLayout out;
    const int nodeCount = static_cast<int>(request.nodes.size());
    std::vector<std::pair<int, int>> edges;
    edges.reserve(request.edges.size());
    for (const auto& [from, to] : request.edges)
        if (from >= 0 && to >= 0 && from < nodeCount && to < nodeCount && from != to) edges.emplace_back(from, to);

    GraphLayoutRequest valid = request;
    valid.edges = edges;
    if (nodeCount == 0) return out;

    std::lock_guard lock(graphvizMutex());
    const auto started = std::chrono::steady_clock::now();
    GVC_t* gvc = graphvizContext();
    if (!gvc) {
        out.error = "Graphviz could not create a layout context";
        columnFallback(valid, out);
        return out;
    }

    CStr graphName("tessera"), empty(""), box("box"), trueStr("true"), falseStr("false");
    Agraph_t* g = agopen(graphName.get(), Agdirected, nullptr);
    CStr rankdir("rankdir"), nodesep("nodesep"), ranksep("ranksep"), splinesKey("splines"), spline("spline");
    CStr rankdirValue(request.topToBottom ? "TB" : "LR");
    CStr nodesepValue(number(request.nodeSepPt / 72.0)), ranksepValue(number(request.rankSepPt / 72.0));
    agattr(g, AGRAPH, rankdir.get(), rankdirValue.get());
    agattr(g, AGRAPH, nodesep.get(), nodesepValue.get());
    agattr(g, AGRAPH, ranksep.get(), ranksepValue.get());
    agattr(g, AGRAPH, splinesKey.get(), spline.get());

    // Boxes of the exact size the view will draw; no labels, so Graphviz does
    // no text measurement of its own.
    CStr shape("shape"), label("label"), fixedsize("fixedsize"), width("width"), height("height"),
        margin("margin"), defWidth("0.75"), defHeight("0.5"), zero("0");
    agattr(g, AGNODE, shape.get(), box.get());
    agattr(g, AGNODE, label.get(), empty.get());
    agattr(g, AGNODE, fixedsize.get(), trueStr.get());
    agattr(g, AGNODE, margin.get(), zero.get());
    Agsym_t* widthSym = agattr(g, AGNODE, width.get(), defWidth.get());
    Agsym_t* heightSym = agattr(g, AGNODE, height.get(), defHeight.get());

    std::vector<Agnode_t*> nodes(static_cast<std::size_t>(nodeCount));
    for (int i = 0; i < nodeCount; ++i) {
        CStr name("n" + std::to_string(i));
        Agnode_t* n = agnode(g, name.get(), 1);
        CStr w(number(std::max(1.0, request.nodes[static_cast<std::size_t>(i)].widthPt) / 72.0));
        CStr h(number(std::max(1.0, request.nodes[static_cast<std::size_t>(i)].heightPt) / 72.0));
        agxset(n, widthSym, w.get());
        agxset(n, heightSym, h.get());
        nodes[static_cast<std::size_t>(i)] = n;
    }
    std::vector<Agedge_t*> agEdges;
    agEdges.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        CStr name("e" + std::to_string(i));
        agEdges.push_back(agedge(g, nodes[static_cast<std::size_t>(edges[i].first)],
                                 nodes[static_cast<std::size_t>(edges[i].second)], name.get(), 1));
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        out.error = "Graphviz dot layout failed";
        columnFallback(valid, out);
        return out;
    }

    // Graphviz puts the origin bottom-left with y up; flip to y down.
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    const double left = bb.LL.x;
    auto toPoint = [&](pointf p) { return LayoutPoint{p.x - left, top - p.y}; };

    out.widthPt = bb.UR.x - bb.LL.x;
    out.heightPt = bb.UR.y - bb.LL.y;
    out.nodes.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i)
        out.nodes.push_back({toPoint(ND_coord(nodes[i])), request.nodes[i].widthPt, request.nodes[i].heightPt});

    out.edges.reserve(agEdges.size());
    for (std::size_t i = 0; i < agEdges.size(); ++i) {
        LayoutEdge e;
        e.from = edges[i].first;
        e.to = edges[i].second;
        const splines* spl = agEdges[i] ? ED_spl(agEdges[i]) : nullptr;
        if (spl && spl->size > 0) {
            // dot gives one Bezier per edge unless it was split by
            // concentrators, which we do not enable; join them anyway.
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                for (int p = (b == 0 ? 0 : 1); p < bz.size; ++p) e.points.push_back(toPoint(bz.list[p]));
                if (bz.eflag) {
                    e.hasArrow = true;
                    e.arrowTip = toPoint(bz.ep);
                }
            }
        }
        out.edges.push_back(std::move(e));
    }

    gvFreeLayout(gvc, g);
    agclose(g);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

}  // namespace tessera::views
