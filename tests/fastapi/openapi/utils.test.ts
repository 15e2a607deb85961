// Port of FastAPI's tests of fastapi/openapi/utils.py (tests/test_openapi_*.py,
// test_additional_responses_*.py, test_security_*_openapi.py, test_generate_unique_id_function.py,
// test_webhooks_security.py, the openapi_callbacks and metadata tutorials...): each app written
// twice, in Python and in TypeScript, and the documents compared whatever the order of keys; then
// what the layer does with bad input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import {
  APIRouter,
  Body,
  Cookie,
  Depends,
  FastAPI,
  File,
  Form,
  HTMLResponse,
  Header,
  JSONResponse,
  Path,
  PlainTextResponse,
  Query,
  RedirectResponse,
  Response,
  Security,
  type APIRoute,
} from "../../../src/fastapi/index.js";
import { getOpenapi } from "../../../src/fastapi/openapi/utils.js";
import { Route } from "../../../src/routing.js";
import type { Scope } from "../../../src/types.js";
import { APIKeyHeader, HTTPBasic, HTTPBearer, OAuth2PasswordBearer } from "../../../src/fastapi/security/index.js";
import { TestClient } from "../../../src/fastapi/testclient.js";
import { assertValidDocument, fastapiPages, haveFastAPI, textDifferences, warned, type FastAPIPages } from "./helpers.js";

interface Scenario {
  python: string;
  ts: () => FastAPI;
  /** Differences left, each a pattern of the difference's line, with why. */
  known?: Array<[RegExp, string]>;
}

const SCENARIOS: Record<string, Scenario> = {};

// ---------------------------------------------------------------- metadata (docs_src/metadata)

SCENARIOS.metadata = {
  python: `
from fastapi import FastAPI
app = FastAPI(
    title="ChimichangApp",
    summary="Deadpool's favorite app. Nuff said.",
    description="ChimichangApp API helps you do awesome stuff. 🚀",
    version="0.0.1",
    terms_of_service="http://example.com/terms/",
    contact={"name": "Deadpoolio the Amazing", "url": "http://x-force.example.com", "email": "dp@x-force.example.com"},
    license_info={"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"},
    openapi_tags=[
        {"name": "users", "description": "Operations with users. The **login** logic is also here."},
        {"name": "items", "description": "Manage items.", "externalDocs": {"description": "Items external docs", "url": "https://fastapi.tiangolo.com"}},
    ],
    servers=[{"url": "https://stag.example.com", "description": "Staging environment"}, {"url": "https://prod.example.com"}],
    openapi_external_docs={"description": "More docs", "url": "https://example.com"},
)
@app.get("/items/", tags=["items"])
async def read_items():
    return [{"name": "Katana"}]
`,
  ts: () => {
    const app = new FastAPI({
      title: "ChimichangApp",
      summary: "Deadpool's favorite app. Nuff said.",
      description: "ChimichangApp API helps you do awesome stuff. 🚀",
      version: "0.0.1",
      termsOfService: "http://example.com/terms/",
      contact: { name: "Deadpoolio the Amazing", url: "http://x-force.example.com", email: "dp@x-force.example.com" },
      licenseInfo: { name: "Apache 2.0", url: "https://www.apache.org/licenses/LICENSE-2.0.html" },
      openapiTags: [
        { name: "users", description: "Operations with users. The **login** logic is also here." },
        { name: "items", description: "Manage items.", externalDocs: { description: "Items external docs", url: "https://fastapi.tiangolo.com" } },
      ],
      servers: [{ url: "https://stag.example.com", description: "Staging environment" }, { url: "https://prod.example.com" }],
      openapiExternalDocs: { description: "More docs", url: "https://example.com" },
    });
    app.get("/items/", { tags: ["items"] }, async function readItems() {
      return [{ name: "Katana" }];
    });
    return app;
  },
};

SCENARIOS.license_identifier = {
  python: `
from fastapi import FastAPI
app = FastAPI(title="T", version="2", license_info={"name": "Apache 2.0", "identifier": "MIT"}, openapi_version="3.1.0")
app.openapi_version = "3.1.1"
`,
  ts: () => {
    const app = new FastAPI({ title: "T", version: "2", licenseInfo: { name: "Apache 2.0", identifier: "MIT" } });
    app.openapiVersion = "3.1.1";
    return app;
  },
};

// ---------------------------------------------------------------- responses

const Item = z.object({ id: z.string(), value: z.string() }).meta({ id: "Item" });
const Message = z.object({ message: z.string() }).meta({ id: "Message" });

SCENARIOS.responses = {
  python: `
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import BaseModel
class Item(BaseModel):
    id: str
    value: str
class Message(BaseModel):
    message: str
app = FastAPI()
@app.get(
    "/items/{item_id}",
    response_model=Item,
    responses={
        404: {"model": Message, "description": "The item was not found"},
        200: {"description": "Item requested by ID", "content": {"application/json": {"example": {"id": "bar", "value": "The bar tenders"}}, "image/png": {}}},
        "5XX": {"description": "Server trouble"},
        "default": {"model": Message},
        302: {"description": "Moved"},
        418: {},
        499: {},
        403: {"model": Message, "content": {"application/json": {"schema": {"description": "Forbidden, said the model"}}}},
    },
)
async def read_item(item_id: str):
    return {}
@app.get("/html", response_class=HTMLResponse)
async def html():
    return ""
@app.get("/redirect", response_class=RedirectResponse)
async def redirect():
    return "/"
@app.get("/plain", response_class=PlainTextResponse, status_code=201, response_description="Some text")
async def plain():
    return ""
@app.get("/nothing", response_class=Response)
async def nothing():
    return Response()
@app.delete("/items/{item_id}", status_code=204, responses={200: {"model": Message}})
async def delete_item(item_id: str):
    return None
@app.post("/custom422", responses={422: {"description": "Mine"}})
async def custom(q: int):
    return q
@app.post("/range", responses={"4XX": {"model": Message}}, response_model=list[Item])
async def in_range(q: int):
    return []
@app.get("/html-model", response_class=HTMLResponse, responses={404: {"model": Message}})
async def html_model():
    return ""
`,
  ts: () => {
    const app = new FastAPI();
    app.get(
      "/items/{item_id}",
      {
        params: { item_id: Path(z.string()) },
        responseModel: Item,
        responses: {
          404: { model: Message, description: "The item was not found" },
          200: { description: "Item requested by ID", content: { "application/json": { example: { id: "bar", value: "The bar tenders" } }, "image/png": {} } },
          "5XX": { description: "Server trouble" },
          default: { model: Message },
          302: { description: "Moved" },
          418: {},
          499: {},
          403: { model: Message, content: { "application/json": { schema: { description: "Forbidden, said the model" } } } },
        },
      },
      async function readItem() {
        return {};
      },
    );
    app.get("/html", { responseClass: HTMLResponse }, async function html() {
      return "";
    });
    app.get("/redirect", { responseClass: RedirectResponse }, async function redirect() {
      return "/";
    });
    app.get("/plain", { responseClass: PlainTextResponse, statusCode: 201, responseDescription: "Some text" }, async function plain() {
      return "";
    });
    app.get("/nothing", { responseClass: Response }, async function nothing() {
      return new Response();
    });
    app.delete("/items/{item_id}", { params: { item_id: Path(z.string()) }, statusCode: 204, responses: { 200: { model: Message } } }, async function deleteItem() {
      return null;
    });
    app.post("/custom422", { params: { q: Query(z.int()) }, responses: { 422: { description: "Mine" } } }, async function custom({ q }) {
      return q;
    });
    app.post("/range", { params: { q: Query(z.int()) }, responses: { "4XX": { model: Message } }, responseModel: z.array(Item) }, async function inRange() {
      return [];
    });
    app.get("/html-model", { responseClass: HTMLResponse, responses: { 404: { model: Message } } }, async function htmlModel() {
      return "";
    });
    return app;
  },
  known: [
    [
      /^\/paths\/~1items~1\{item_id\}\/get\/responses: key order: python \["200","404","5XX","default","302","418","499","403"\], ts \["200","302","403","404","418","499","5XX","default"\]$/,
      "a JS object literal lists integer-like keys first, in ascending order: `responses` declared as 404, 200, \"5XX\", default, 302... reaches the layer as 200, 302, 403, 404, 418, 499, \"5XX\", default",
    ],
  ],
};

// ---------------------------------------------------------------- callbacks and webhooks (docs_src/openapi_callbacks, openapi_webhooks)

SCENARIOS.callbacks = {
  python: `
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, HttpUrl
class Invoice(BaseModel):
    id: str
    title: str | None = None
    customer: str
    total: float
class InvoiceEvent(BaseModel):
    description: str
    paid: bool
class InvoiceEventReceived(BaseModel):
    ok: bool
app = FastAPI()
invoices_callback_router = APIRouter()
@invoices_callback_router.post("{$callback_url}/invoices/{$request.body.id}", response_model=InvoiceEventReceived)
def invoice_notification(body: InvoiceEvent):
    pass
@invoices_callback_router.get("{$callback_url}/status")
def invoice_status():
    pass
@app.post("/invoices/", callbacks=invoices_callback_router.routes)
def create_invoice(invoice: Invoice, callback_url: str | None = None):
    return {"msg": "Invoice received"}
`,
  ts: () => {
    const Invoice = z.object({ id: z.string(), title: z.string().nullable().default(null), customer: z.string(), total: z.number() }).meta({ id: "Invoice" });
    const InvoiceEvent = z.object({ description: z.string(), paid: z.boolean() }).meta({ id: "InvoiceEvent" });
    const InvoiceEventReceived = z.object({ ok: z.boolean() }).meta({ id: "InvoiceEventReceived" });
    const app = new FastAPI();
    const invoicesCallbackRouter = new APIRouter();
    invoicesCallbackRouter.post("{$callback_url}/invoices/{$request.body.id}", { params: { body: Body(InvoiceEvent) }, responseModel: InvoiceEventReceived }, function invoiceNotification() {
      return undefined;
    });
    invoicesCallbackRouter.get("{$callback_url}/status", function invoiceStatus() {
      return undefined;
    });
    app.post(
      "/invoices/",
      { params: { invoice: Body(Invoice), callback_url: Query(z.string().nullable().default(null)) }, callbacks: invoicesCallbackRouter.routes },
      function createInvoice() {
        return { msg: "Invoice received" };
      },
    );
    return app;
  },
};

SCENARIOS.webhooks = {
  python: `
from datetime import datetime
from fastapi import FastAPI
from pydantic import BaseModel
class Subscription(BaseModel):
    username: str
    monthly_fee: float
    start_date: str
app = FastAPI()
@app.webhooks.post("new-subscription")
def new_subscription(body: Subscription):
    """
    This docstring is no description in TypeScript: the route says it.
    """
@app.get("/users/")
def read_users():
    return ["Rick", "Morty"]
`,
  ts: () => {
    const Subscription = z.object({ username: z.string(), monthly_fee: z.number(), start_date: z.string() }).meta({ id: "Subscription" });
    const app = new FastAPI();
    app.webhooks.post(
      "new-subscription",
      { params: { body: Body(Subscription) }, description: "This docstring is no description in TypeScript: the route says it." },
      function newSubscription() {
        return undefined;
      },
    );
    app.get("/users/", function readUsers() {
      return ["Rick", "Morty"];
    });
    return app;
  },
};

// ---------------------------------------------------------------- security (docs_src/security, tests/test_security_*)

SCENARIOS.security = {
  python: `
from typing import Annotated
from fastapi import Depends, FastAPI, Security
from fastapi.security import APIKeyHeader, HTTPBasic, OAuth2PasswordBearer, SecurityScopes
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", scopes={"me": "Read me.", "items": "Read items."})
api_key = APIKeyHeader(name="X-API-Key", scheme_name="Key", description="A key")
basic = HTTPBasic()
app = FastAPI()
async def get_current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]):
    return token
async def get_current_active_user(user: Annotated[str, Security(get_current_user, scopes=["me"])]):
    return user
@app.get("/users/me/items/")
async def read_own_items(user: Annotated[str, Security(get_current_active_user, scopes=["items"])], again: Annotated[str, Security(oauth2_scheme, scopes=["me", "extra"])]):
    return []
@app.get("/key")
async def read_key(key: Annotated[str, Depends(api_key)], creds=Depends(basic)):
    return key
@app.get("/status/")
async def read_system_status(user: Annotated[str, Depends(get_current_user)]):
    return {"status": "ok"}
`,
  ts: () => {
    const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token", scopes: { me: "Read me.", items: "Read items." } });
    const apiKey = new APIKeyHeader({ name: "X-API-Key", schemeName: "Key", description: "A key" });
    const basic = new HTTPBasic();
    const app = new FastAPI();
    const getCurrentUser = ({ token }: { token: string }) => token;
    const currentUser = Depends(getCurrentUser, { params: { token: Depends(oauth2Scheme) } });
    const getCurrentActiveUser = ({ user }: { user: string }) => user;
    app.get(
      "/users/me/items/",
      {
        params: {
          user: Security(getCurrentActiveUser, { scopes: ["items"], params: { user: Security(getCurrentUser, { scopes: ["me"], params: { token: Depends(oauth2Scheme) } }) } }),
          again: Security(oauth2Scheme, { scopes: ["me", "extra"] }),
        },
      },
      async function readOwnItems() {
        return [];
      },
    );
    app.get("/key", { params: { key: Depends(apiKey), creds: Depends(basic) } }, async function readKey({ key }) {
      return key;
    });
    app.get("/status/", { params: { user: currentUser } }, async function readSystemStatus() {
      return { status: "ok" };
    });
    return app;
  },
};

// ---------------------------------------------------------------- params and bodies

SCENARIOS.params = {
  python: `
from typing import Annotated
from fastapi import Body, Cookie, Depends, FastAPI, File, Form, Header, Query, UploadFile
from pydantic import BaseModel
class Item(BaseModel):
    name: str
class Hidden(BaseModel):
    secret: str
app = FastAPI()
def common(q: str | None = None, x_trace: Annotated[str | None, Header()] = None):
    return q
@app.get("/dedupe/")
def dedupe(q: str, c: Annotated[str, Depends(common)], again: Annotated[str, Depends(common)]):
    return q
@app.get("/params/")
def params(
    hidden: Annotated[str | None, Query(include_in_schema=False)] = None,
    hidden_model: Annotated[Hidden | None, Body(include_in_schema=False)] = None,
    user_agent: Annotated[str | None, Header(convert_underscores=False, description="The agent")] = None,
    x_token: Annotated[str | None, Header(alias="x_token")] = None,
    session: Annotated[str | None, Cookie(deprecated=True)] = None,
    size: Annotated[int, Query(gt=0, le=10, title="How many", examples=[3], json_schema_extra={"x-kind": "size"})] = 1,
    tags: Annotated[list[str], Query(min_length=1, max_length=3)] = [],
    ex: Annotated[str | None, Query(openapi_examples={"one": {"summary": "One", "value": "1"}, "none": {"value": None}})] = None,
):
    return size
@app.post("/vendor/")
def vendor(item: Annotated[Item, Body(media_type="application/vnd.api+json", openapi_examples={"normal": {"summary": "A normal item", "value": {"name": "Foo"}}})]):
    return item
@app.post("/vendor-embedded/")
def vendor_embedded(item: Annotated[Item, Body(media_type="application/vnd.api+json")], other: Annotated[Item, Body(media_type="application/vnd.api+json")]):
    return item
@app.post("/mixed-media/")
def mixed_media(item: Annotated[Item, Body(media_type="application/vnd.api+json")], n: Annotated[int | None, Body(description="How many")] = None):
    return item
@app.post("/optional-body/")
def optional_body(item: Item | None = None):
    return item
@app.post("/list-body/")
def list_body(items: list[Item]):
    return items
@app.post("/form-and-file/")
def form_and_file(token: Annotated[str, Form()], file: Annotated[bytes, File()], extra: Annotated[list[UploadFile] | None, File(description="More")] = None):
    return token
@app.post("/one-form/")
def one_form(token: Annotated[str, Form(media_type="application/x-custom")]):
    return token
@app.put("/head-body/")
def head_body(item: Item):
    return item
`,
  ts: () => {
    const ParamsItem = z.object({ name: z.string() }).meta({ id: "Item" });
    const Hidden = z.object({ secret: z.string() }).meta({ id: "Hidden" });
    const app = new FastAPI();
    const common = ({ q }: { q: string | null }) => q;
    const commonParams = { q: Query(z.string().nullable().default(null)), x_trace: Header(z.string().nullable().default(null)) };
    app.get("/dedupe/", { params: { q: Query(z.string()), c: Depends(common, { params: commonParams }), again: Depends(common, { params: commonParams }) } }, function dedupe({ q }) {
      return q;
    });
    app.get(
      "/params/",
      {
        params: {
          hidden: Query(z.string().nullable().default(null), { includeInSchema: false }),
          hidden_model: Body(Hidden.nullable().default(null), { includeInSchema: false }),
          user_agent: Header(z.string().nullable().default(null), { convertUnderscores: false, description: "The agent" }),
          x_token: Header(z.string().nullable().default(null), { alias: "x_token" }),
          session: Cookie(z.string().nullable().default(null), { deprecated: true }),
          size: Query(z.int().default(1), { gt: 0, le: 10, title: "How many", examples: [3], jsonSchemaExtra: { "x-kind": "size" } }),
          tags: Query(z.array(z.string()).default([]), { minLength: 1, maxLength: 3 }),
          ex: Query(z.string().nullable().default(null), { openapiExamples: { one: { summary: "One", value: "1" }, none: { value: null } } }),
        },
      },
      function params({ size }) {
        return size;
      },
    );
    app.post(
      "/vendor/",
      { params: { item: Body(ParamsItem, { mediaType: "application/vnd.api+json", openapiExamples: { normal: { summary: "A normal item", value: { name: "Foo" } } } }) } },
      function vendor({ item }) {
        return item;
      },
    );
    app.post(
      "/vendor-embedded/",
      { params: { item: Body(ParamsItem, { mediaType: "application/vnd.api+json" }), other: Body(ParamsItem, { mediaType: "application/vnd.api+json" }) } },
      function vendorEmbedded({ item }) {
        return item;
      },
    );
    app.post(
      "/mixed-media/",
      { params: { item: Body(ParamsItem, { mediaType: "application/vnd.api+json" }), n: Body(z.int().nullable().default(null), { description: "How many" }) } },
      function mixedMedia({ item }) {
        return item;
      },
    );
    app.post("/optional-body/", { params: { item: Body(ParamsItem.nullable().default(null)) } }, function optionalBody({ item }) {
      return item;
    });
    app.post("/list-body/", { params: { items: Body(z.array(ParamsItem)) } }, function listBody({ items }) {
      return items;
    });
    app.post(
      "/form-and-file/",
      { params: { token: Form(z.string()), file: File(), extra: File({ as: "upload", multiple: true, optional: true, description: "More" }) } },
      function formAndFile({ token }) {
        return token;
      },
    );
    app.post("/one-form/", { params: { token: Form(z.string(), { mediaType: "application/x-custom" }) } }, function oneForm({ token }) {
      return token;
    });
    app.put("/head-body/", { params: { item: Body(ParamsItem) } }, function headBody({ item }) {
      return item;
    });
    return app;
  },
};

// ---------------------------------------------------------------- operations: ids, metadata, extra

SCENARIOS.operations = {
  python: `
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
def app_id(route: APIRoute):
    return f"app-{route.name}"
def router_id(route: APIRoute):
    return f"router-{route.name}"
def include_id(route: APIRoute):
    return f"include-{route.name}"
def own_id(route: APIRoute):
    return f"own-{route.name}"
app = FastAPI(generate_unique_id_function=app_id)
router = APIRouter(generate_unique_id_function=router_id)
plain_router = APIRouter()
inner = APIRouter()
@app.get("/app")
def on_app(q: int):
    return q
@app.get("/own", generate_unique_id_function=own_id)
def on_own():
    pass
@router.get("/router")
def on_router():
    pass
@router.post("/router-own", generate_unique_id_function=own_id)
def on_router_own(body: dict):
    pass
@plain_router.get("/included")
def on_included():
    pass
@inner.post("/inner")
def on_inner(body: dict):
    pass
plain_router.include_router(inner, prefix="/inner")
app.include_router(router, prefix="/r")
app.include_router(plain_router, prefix="/p", generate_unique_id_function=include_id)
@app.api_route("/multi", methods=["GET"], operation_id="explicit", summary="Summed up", description="Described.\\fNot this part.", response_description="Described response", deprecated=True, tags=["a", "b"], openapi_extra={"x-aperture-labs-portal": "blue", "responses": {"200": {"description": "Overridden"}}, "parameters": [{"name": "extra", "in": "query", "schema": {"type": "string"}}]})
def multi(q: int | None = None):
    pass
@app.get("/hidden", include_in_schema=False)
def hidden():
    pass
async def _lambda():
    pass
app.get("/lambda")(lambda: None)
`,
  ts: () => {
    const idOf = (prefix: string) => (route: APIRoute) => `${prefix}-${route.name}`;
    const app = new FastAPI({ generateUniqueIdFunction: idOf("app") });
    const router = new APIRouter({ generateUniqueIdFunction: idOf("router") });
    const plainRouter = new APIRouter();
    const inner = new APIRouter();
    app.get("/app", { params: { q: Query(z.int()) } }, function on_app({ q }) {
      return q;
    });
    app.get("/own", { generateUniqueIdFunction: idOf("own") }, function on_own() {
      return undefined;
    });
    router.get("/router", function on_router() {
      return undefined;
    });
    router.post("/router-own", { params: { body: Body(z.record(z.string(), z.unknown())) }, generateUniqueIdFunction: idOf("own") }, function on_router_own() {
      return undefined;
    });
    plainRouter.get("/included", function on_included() {
      return undefined;
    });
    inner.post("/inner", { params: { body: Body(z.record(z.string(), z.unknown())) } }, function on_inner() {
      return undefined;
    });
    plainRouter.includeRouter(inner, { prefix: "/inner" });
    app.includeRouter(router, { prefix: "/r" });
    app.includeRouter(plainRouter, { prefix: "/p", generateUniqueIdFunction: idOf("include") });
    app.apiRoute("/multi", {
      methods: ["GET"],
      operationId: "explicit",
      summary: "Summed up",
      description: "Described.\fNot this part.",
      responseDescription: "Described response",
      deprecated: true,
      tags: ["a", "b"],
      openapiExtra: { "x-aperture-labs-portal": "blue", responses: { 200: { description: "Overridden" } }, parameters: [{ name: "extra", in: "query", schema: { type: "string" } }] },
      params: { q: Query(z.int().nullable().default(null)) },
    })(function multi() {
      return undefined;
    });
    app.get("/hidden", { includeInSchema: false }, function hidden() {
      return undefined;
    });
    app.get("/lambda", () => null);
    return app;
  },
  known: [
    [/^\/paths\/~1lambda\/get\/operationId: python "app-<lambda>", ts "app-"$/, "a unique id function reads route.name, the JS name: an arrow function given inline has none, where Python names a lambda <lambda>"],
  ],
};

SCENARIOS.param_models = {
  python: `
from enum import Enum
from typing import Annotated
from fastapi import FastAPI, Query, Response
from pydantic import BaseModel, Field
from starlette.routing import Route
class Size(str, Enum):
    s = "s"
    m = "m"
class Filters(BaseModel):
    size: Size
    maybe: Size | None = None
    q: str = Field("x", title="Custom", description="What to look for", deprecated=True)
class Message(BaseModel):
    message: str
app = FastAPI()
@app.get("/items/")
def read_items(filters: Annotated[Filters, Query()]):
    return filters
@app.get("/raw/", response_class=Response, responses={404: {"model": Message}})
def raw():
    return Response()
def plain_endpoint(request):
    pass
@app.post("/with-plain-callback/", callbacks=[Route("/cb", plain_endpoint)])
def with_plain_callback():
    pass
`,
  ts: () => {
    const Size = z.enum(["s", "m"]).meta({ id: "Size" });
    const Filters = z.object({
      size: Size,
      maybe: Size.nullable().default(null),
      q: z.string().default("x").meta({ title: "Custom", description: "What to look for", deprecated: true }),
    });
    const app = new FastAPI();
    app.get("/items/", { params: { filters: Query(Filters) } }, function readItems({ filters }) {
      return filters;
    });
    app.get("/raw/", { responseClass: Response, responses: { 404: { model: Message } } }, function raw() {
      return new Response();
    });
    // A callback that is no path operation is left out, as FastAPI leaves it out.
    app.post("/with-plain-callback/", { callbacks: [new Route("/cb", () => new Response())] }, function withPlainCallback() {
      return undefined;
    });
    return app;
  },
};

// ---------------------------------------------------------------- models: components, input and output

SCENARIOS.models = {
  python: `
from enum import Enum
from fastapi import FastAPI, Query
from pydantic import BaseModel, computed_field
class Color(str, Enum):
    red = "red"
    blue = "blue"
class Node(BaseModel):
    name: str
    children: list["Node"] = []
class Item(BaseModel):
    name: str
    description: str | None = None
    @computed_field
    @property
    def name_upper(self) -> str:
        return self.name.upper()
class Plain(BaseModel):
    name: str
    tags: list[str] = []
app = FastAPI()
@app.post("/items/", response_model=Item)
def create_item(item: Item, color: Color = Query()):
    return item
@app.post("/nodes/", response_model=Node)
def create_node(node: Node):
    return node
@app.post("/plain/", response_model=list[Plain])
def create_plain(plain: Plain):
    return [plain]
@app.get("/scalar/", response_model=str)
def scalar():
    return ""
`,
  ts: () => {
    const Color = z.enum(["red", "blue"]).meta({ id: "Color" });
    const Node: z.ZodType<{ name: string; children: unknown[] }> = z
      .object({
        name: z.string(),
        get children() {
          return z.array(Node).default([]);
        },
      })
      .meta({ id: "Node" });
    const ItemIn = z.object({ name: z.string(), description: z.string().nullable().default(null) });
    const ComputedItem = ItemIn.transform((item) => ({ ...item, name_upper: item.name.toUpperCase() }))
      .pipe(z.object({ name: z.string(), description: z.string().nullable(), name_upper: z.string().meta({ readOnly: true }) }))
      .meta({ id: "Item" });
    const Plain = z.object({ name: z.string(), tags: z.array(z.string()).default([]) }).meta({ id: "Plain" });
    const app = new FastAPI();
    app.post("/items/", { params: { item: Body(ComputedItem), color: Query(Color) }, responseModel: ComputedItem }, function createItem({ item }) {
      return item;
    });
    app.post("/nodes/", { params: { node: Body(Node) }, responseModel: Node }, function createNode({ node }) {
      return node;
    });
    app.post("/plain/", { params: { plain: Body(Plain) }, responseModel: z.array(Plain) }, function createPlain({ plain }) {
      return [plain];
    });
    app.get("/scalar/", { responseModel: z.string() }, function scalar() {
      return "";
    });
    return app;
  },
};

SCENARIOS.models_not_separate = {
  python: `
from fastapi import FastAPI
from pydantic import BaseModel
class Plain(BaseModel):
    name: str
    description: str | None = None
app = FastAPI(separate_input_output_schemas=False)
@app.post("/plain/", response_model=list[Plain])
def create_plain(plain: Plain):
    return [plain]
`,
  ts: () => {
    const Plain = z.object({ name: z.string(), description: z.string().nullable().default(null) }).meta({ id: "Plain" });
    const app = new FastAPI({ separateInputOutputSchemas: false });
    app.post("/plain/", { params: { plain: Body(Plain) }, responseModel: z.array(Plain) }, function createPlain({ plain }) {
      return [plain];
    });
    return app;
  },
};

SCENARIOS.shapes = {
  python: `
from typing import Any, Literal
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict
class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")
    a: str
class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: str
class Cat(BaseModel):
    kind: Literal["cat"]
    meow: bool = True
class Dog(BaseModel):
    kind: Literal["dog"]
class Shapes(BaseModel):
    pair: tuple[str, int]
    weights: dict[str, float]
    by_id: dict[int, float]
    one: Literal["x"]
    several: Literal["x", "y"] | None = None
    numbers: Literal[1, 2]
    anything: list[Any]
    raw: Any = None
    mixed: str | int | None
    pet: Cat | Dog
    loose: Loose
    strict: Strict
    nested: dict[str, list[Cat]] = {}
    flag: bool = False
    ratio: float = 0.5
app = FastAPI()
@app.post("/shapes/", response_model=Shapes)
def shapes(s: Shapes):
    return s
`,
  ts: () => {
    const Loose = z.looseObject({ a: z.string() }).meta({ id: "Loose" });
    const Strict = z.strictObject({ a: z.string() }).meta({ id: "Strict" });
    const Cat = z.object({ kind: z.literal("cat"), meow: z.boolean().default(true) }).meta({ id: "Cat" });
    const Dog = z.object({ kind: z.literal("dog") }).meta({ id: "Dog" });
    const Shapes = z
      .object({
        pair: z.tuple([z.string(), z.int()]),
        weights: z.record(z.string(), z.number()),
        by_id: z.record(z.int(), z.number()),
        one: z.literal("x"),
        several: z.literal(["x", "y"]).nullable().default(null),
        numbers: z.literal([1, 2]),
        anything: z.array(z.unknown()),
        raw: z.unknown().default(null),
        mixed: z.union([z.string(), z.int(), z.null()]),
        pet: z.union([Cat, Dog]),
        loose: Loose,
        strict: Strict,
        nested: z.record(z.string(), z.array(Cat)).default({}),
        flag: z.boolean().default(false),
        ratio: z.number().default(0.5),
      })
      .meta({ id: "Shapes" });
    const app = new FastAPI();
    app.post("/shapes/", { params: { s: Body(Shapes) }, responseModel: Shapes }, function shapes({ s }) {
      return s;
    });
    return app;
  },
};

// ---------------------------------------------------------------- the order of keys, Python's floats

SCENARIOS.order = {
  python: `
from typing import Annotated, Literal
from fastapi import Body, FastAPI, Query
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field
class Item(BaseModel):
    model_config = {"json_schema_extra": {"examples": [{"name": "Foo", "description": "d", "price": 1}], "x-b": 1, "x-a": 2}}
    name: str = Field(examples=[{"zz": 1, "aa": {"y": 1, "b": 2}}], json_schema_extra={"x-z": 1, "x-a": {"q": 1, "c": 2}})
    price: float = Field(ge=0, le=1e16, multiple_of=0.5)
    default: dict[str, dict[str, int]] = {"zz": {"y": 1, "b": 2}, "aa": {}}
class Message(BaseModel):
    message: str
app = FastAPI()
@app.get("/search/", responses={500: {"model": Message, "description": "Boom"}})
def search(
    q: Annotated[str | None, Query(max_length=5, min_length=1, description="D", title="T", examples=["e"], deprecated=True, json_schema_extra={"x-b": 1, "a-x": 2})] = "x",
    r: Annotated[float, Query(gt=0.25, lt=1e16, description="R")] = 3,
    mode: Annotated[Literal["a", "b"] | None, Query()] = None,
):
    return q
@app.get("/count/", response_model=Annotated[int, Field(ge=1)], status_code=201, responses={200: {"description": "Also"}}, openapi_extra={"x-b": 1, "x-a": {"z": None, "y": 1}})
def count():
    return 1
@app.post("/items/", openapi_extra={"externalDocs": {"url": "https://example.com", "description": "More"}})
def create(item: Annotated[Item, Body(description="The item")]):
    return item
@app.post("/secure/", dependencies=[__import__("fastapi").Depends(HTTPBearer(description="A token", bearerFormat="JWT"))])
def secure(body: Annotated[Item, Body(embed=True)]):
    return body
@app.webhooks.post("new-item")
def new_item(item: Item, q: Annotated[int, Query(ge=2, description="Q")] = 2):
    pass
`,
  ts: () => {
    const OrderItem = z
      .object({
        name: z.string().meta({ examples: [{ zz: 1, aa: { y: 1, b: 2 } }], "x-z": 1, "x-a": { q: 1, c: 2 } }),
        price: z.number().min(0).max(1e16).multipleOf(0.5),
        default: z.record(z.string(), z.record(z.string(), z.int())).default({ zz: { y: 1, b: 2 }, aa: {} }),
      })
      .meta({ id: "Item", examples: [{ name: "Foo", description: "d", price: 1 }], "x-b": 1, "x-a": 2 });
    const app = new FastAPI();
    app.get(
      "/search/",
      {
        params: {
          q: Query(z.string().nullable().default("x"), { maxLength: 5, minLength: 1, description: "D", title: "T", examples: ["e"], deprecated: true, jsonSchemaExtra: { "x-b": 1, "a-x": 2 } }),
          r: Query(z.number().default(3), { gt: 0.25, lt: 1e16, description: "R" }),
          mode: Query(z.enum(["a", "b"]).nullable().default(null)),
        },
        responses: { 500: { model: Message, description: "Boom" } },
      },
      function search({ q }) {
        return q;
      },
    );
    app.get("/count/", { responseModel: z.int().min(1), statusCode: 201, responses: { 200: { description: "Also" } }, openapiExtra: { "x-b": 1, "x-a": { z: null, y: 1 } } }, function count() {
      return 1;
    });
    app.post(
      "/items/",
      { params: { item: Body(OrderItem, { description: "The item" }) }, openapiExtra: { externalDocs: { url: "https://example.com", description: "More" } } },
      function create({ item }) {
        return item;
      },
    );
    app.post("/secure/", { dependencies: [Depends(new HTTPBearer({ description: "A token", bearerFormat: "JWT" }))], params: { body: Body(OrderItem, { embed: true }) } }, function secure({ body }) {
      return body;
    });
    app.webhooks.post("new-item", { params: { item: Body(OrderItem), q: Query(z.int().default(2), { ge: 2, description: "Q" }) } }, function newItem() {
      return undefined;
    });
    return app;
  },
};

// ---------------------------------------------------------------- the comparison

let python: Record<string, FastAPIPages> = {};

test.before(() => {
  if (haveFastAPI()) python = fastapiPages({ snippets: Object.fromEntries(Object.entries(SCENARIOS).map(([name, s]) => [name, s.python])) });
});

for (const [name, scenario] of Object.entries(SCENARIOS)) {
  test(`${name}: the document FastAPI writes for the Python twin`, async () => {
    const app = scenario.ts();
    const { value: doc, warnings } = await warned(() => app.openapi());
    assert.equal(warnings, [], `${name}: warnings`);
    await assertValidDocument(doc, name);
    if (!haveFastAPI()) return;
    const py = python[name];
    assert.is(py.error, undefined, py.error);
    const known = scenario.known ?? [];
    const served = (await new TestClient(app).get("/openapi.json")).text;
    const lines = textDifferences(py.openapi_text as string, served).filter((line) => !known.some(([pattern]) => pattern.test(line)));
    assert.equal(lines, [], `${name}: the documents differ`);
  });
}

// ---------------------------------------------------------------- bad input

test("a schema that cannot be expressed: a warning naming the route and param, and a valid document", async () => {
  const app = new FastAPI();
  app.post("/events/", { params: { when: Body(z.date()), big: Query(z.bigint().optional()) }, responseModel: z.object({ at: z.date() }) }, function createEvent() {
    return {};
  });
  // A Standard Schema without Standard JSON Schema: documented as anything.
  const opaque = { "~standard": { version: 1 as const, vendor: "mine", validate: (value: unknown) => ({ value }) } };
  app.get("/opaque/", { params: { q: Query(opaque) } }, function readOpaque() {
    return null;
  });
  const { value: doc, warnings } = await warned(() => app.openapi());
  assert.equal(warnings, [
    'OpenAPI: POST /events/ param "big": BigInt cannot be represented in JSON Schema; the document leaves out what cannot be expressed',
    'OpenAPI: POST /events/ param "when": Date cannot be represented in JSON Schema; the document leaves out what cannot be expressed',
    "OpenAPI: POST /events/ response model: Date cannot be represented in JSON Schema; the document leaves out what cannot be expressed",
    'OpenAPI: GET /opaque/ param "q": its validator (mine) gives no JSON Schema; the document leaves out what cannot be expressed',
  ]);
  await assertValidDocument(doc);
  const parameters = doc.paths?.["/opaque/"]?.get?.parameters as Array<Record<string, unknown>>;
  assert.equal(parameters[0].schema, { title: "Q" });
});

test("two different schemas under one name: an error naming both routes", () => {
  const app = new FastAPI();
  app.post("/a", { params: { item: Body(z.object({ a: z.string() }).meta({ id: "Item" })) } }, function a() {
    return null;
  });
  app.post("/b", { params: { item: Body(z.object({ b: z.string() }).meta({ id: "Item" })) } }, function b() {
    return null;
  });
  assert.throws(() => app.openapi(), (err: Error) => err.message === 'Two different schemas are named "Item": one from POST /a param "item", another from POST /b param "item". Give one of them another name (zod: .meta({ id: "..." })).');
});

test("duplicate operation ids: FastAPI's warning, once per extra operation", async () => {
  const app = new FastAPI();
  const handler = function readThing() {
    return null;
  };
  app.get("/thing", { operationId: "thing" }, handler);
  app.get("/other", { operationId: "thing" }, handler);
  // Several methods share the unique id of the first one, as in FastAPI.
  app.apiRoute("/both", { methods: ["GET", "POST"] })(function both() {
    return null;
  });
  const { value: doc, warnings } = await warned(() => app.openapi());
  assert.equal(warnings, ["Duplicate Operation ID thing for function readThing", "Duplicate Operation ID both_both_get for function both"]);
  assert.equal(Object.keys(doc.paths?.["/both"] ?? {}), ["get", "post"]);
  const anonymous = new FastAPI();
  anonymous.get("/x", { operationId: "same" }, () => null);
  anonymous.get("/y", { operationId: "same" }, () => null);
  assert.equal((await warned(() => anonymous.openapi())).warnings, ["Duplicate Operation ID same for function <lambda>"]);
});

test("callbacks of one name: a warning, and the last one documented", async () => {
  const callbacks = new APIRouter();
  callbacks.post("{$url}/a", function notify() {
    return null;
  });
  callbacks.post("{$url}/b", { name: "notify" }, function other() {
    return null;
  });
  const app = new FastAPI();
  app.post("/subscribe", { callbacks: callbacks.routes }, function subscribe() {
    return null;
  });
  const { value: doc, warnings } = await warned(() => app.openapi());
  assert.equal(warnings, ['Two callbacks of POST /subscribe are named "notify": only POST {$url}/b is documented']);
  assert.equal(Object.keys(doc.paths?.["/subscribe"]?.post?.callbacks?.notify ?? {}), ["{$url}/b"]);
});

test("URLs that FastAPI's models refuse: an error naming the option", () => {
  assert.throws(() => new FastAPI({ contact: { url: "not a url" } }).openapi(), /contact.url must be a URL, got "not a url"/);
  assert.throws(() => new FastAPI({ openapiTags: [{ name: "a", externalDocs: { url: "::" } }] }).openapi(), /openapiTags\[0\].externalDocs.url must be a URL/);
  const doc = new FastAPI({ contact: { name: "x" }, licenseInfo: { name: "MIT", url: null as unknown as string }, openapiTags: [{ name: "plain" }] }).openapi();
  assert.equal(doc.info.contact, { name: "x" });
  assert.equal(doc.info.license, { name: "MIT" });
  assert.equal(doc.tags, [{ name: "plain" }]);
});

test("responses: a model that is no Standard Schema, a response that is no object, a model for a status without a body", () => {
  const app = new FastAPI();
  assert.throws(() => app.get("/a", { responses: { 404: { model: { nope: true } } } }, () => null), /responses\[404\].model of \/a must be a Standard Schema/);
  assert.throws(() => app.get("/b", { responses: { 404: "no" as unknown as Record<string, unknown> } }, () => null), /An additional response must be a dict/);
  assert.throws(() => app.get("/c", { responses: { 204: { model: Message } } }, () => null), /Status code 204 must not have a response body/);
});

test("APIRoute: FastAPI's attributes, and a unique id only for a route with a method", async () => {
  const { APIRoute: Route_ } = await import("../../../src/fastapi/routing.js");
  const route = new Route_("/x", function readX() {
    return null;
  });
  assert.equal([route.summary, route.description, route.responseDescription, route.deprecated, route.operationId, route.openapiExtra, route.callbacks, route.responseFields], [null, "", "Successful Response", null, null, null, [], {}]);
  assert.is(route.uniqueId, "read_x_x_get");
  assert.throws(() => new Route_("/y", () => null, { methods: [] }), /A path operation needs a method/);
});

test("/openapi.json for a request without a root_path", async () => {
  const app = new FastAPI();
  const messages: Array<Record<string, unknown>> = [];
  const scope = { type: "http", method: "GET", path: "/openapi.json", raw_path: Buffer.from("/openapi.json"), query_string: Buffer.alloc(0), headers: [], http_version: "1.1", scheme: "http", server: ["test", 80] };
  await app.call(scope as unknown as Scope, async () => ({ type: "http.request", body: new Uint8Array(), more_body: false }), async (message) => void messages.push(message as Record<string, unknown>));
  assert.is(messages[0].status, 200);
});

test("getOpenapi: FastAPI's get_openapi, usable on any routes", async () => {
  const router = new APIRouter();
  router.get("/x", { params: { q: Query(z.int()) } }, function x({ q }) {
    return q;
  });
  const doc = getOpenapi({ title: "Mine", version: "1", routes: router.routes, servers: [], tags: [] });
  // The OpenAPI model's order: paths before components.
  assert.equal(Object.keys(doc), ["openapi", "info", "paths", "components"]);
  assert.is(doc.openapi, "3.1.0");
  await assertValidDocument(doc);
  // A value of null is left out, as FastAPI's jsonable_encoder(exclude_none=True) leaves it out.
  const extra = new FastAPI();
  extra.get("/e", { openapiExtra: { "x-none": null, "x-list": [null, 1], ["__proto__"]: { polluted: true } } }, function e() {
    return null;
  });
  const operation = extra.openapi().paths?.["/e"]?.get as Record<string, unknown>;
  assert.not.ok("x-none" in operation);
  assert.equal(operation["x-list"], [null, 1]);
  assert.ok(Object.hasOwn(operation, "__proto__"));
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test.run();
