// Cases for tests/python/fastapi_apps/request_files.py (docs_src/request_files).
import type { Case } from "../differential.js";

const binary = new Uint8Array([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x2d, 0x2d, 0x41]);
const txt = (field: string, filename = "a.txt", content: string | Uint8Array = "hello") => ({ field, filename, content, contentType: "text/plain" });

export const cases: Case[] = [
  // tutorial001
  { name: "t001: bytes: size", method: "POST", path: "/files/", files: [txt("file")], expect: 200 },
  { name: "t001: bytes: binary content with CRLF and dashes", method: "POST", path: "/files/", files: [txt("file", "b.bin", binary)], expect: 200 },
  { name: "t001: bytes: empty file", method: "POST", path: "/files/", files: [txt("file", "empty.txt", "")], expect: 200 },
  { name: "t001: bytes: a 2 MB file", method: "POST", path: "/files/", files: [txt("file", "big.bin", new Uint8Array(2 * 1024 * 1024).fill(0x61))], expect: 200 },
  { name: "t001: bytes: missing", method: "POST", path: "/files/", files: [], expect: 422, exact: true },
  { name: "t001: bytes: a plain field instead of a file", method: "POST", path: "/files/", form: { file: "not a file" }, files: [], expect: 200 },
  { name: "t001: bytes: urlencoded field", method: "POST", path: "/files/", form: { file: "abc" }, expect: 200 },
  { name: "t001: bytes: JSON body", method: "POST", path: "/files/", json: { file: "abc" }, expect: 422, exact: true },
  { name: "t001: bytes: two files: the last wins", method: "POST", path: "/files/", files: [txt("file", "a", "1"), txt("file", "b", "22")], expect: 200 },
  { name: "t001: UploadFile: filename", method: "POST", path: "/uploadfile/", files: [txt("file", "photo.jpg")], expect: 200 },
  { name: "t001: UploadFile: non-ASCII filename", method: "POST", path: "/uploadfile/", files: [txt("file", "café 😀.txt")], expect: 200 },
  { name: "t001: UploadFile: a path in the filename is kept", method: "POST", path: "/uploadfile/", files: [txt("file", "../../etc/passwd")], expect: 200 },
  { name: "t001: UploadFile: an empty filename is still a file", method: "POST", path: "/uploadfile/", files: [txt("file", "")], expect: 200 },
  { name: "t001: UploadFile: no content-type in the part", method: "POST", path: "/uploadfile/", files: [{ field: "file", filename: "x.bin", content: "x", contentType: null }], expect: 200 },
  { name: "t001: UploadFile: a plain field is not a file", method: "POST", path: "/uploadfile/", form: { file: "text" }, files: [], expect: 422, exact: true },
  { name: "t001: UploadFile: missing", method: "POST", path: "/uploadfile/", files: [], expect: 422, exact: true },
  { name: "t001: UploadFile: wrong field name", method: "POST", path: "/uploadfile/", files: [txt("upload")], expect: 422, exact: true },
  { name: "t001: UploadFile: no body", method: "POST", path: "/uploadfile/", expect: 422, exact: true },
  { name: "t001: UploadFile: a multipart body cut short has no file", method: "POST", path: "/uploadfile/", body: "--xyz\r\nnonsense", headers: [["content-type", "multipart/form-data; boundary=xyz"]], expect: 422, exact: true },
  // tutorial001_02: optional
  { name: "t001_02: bytes: none sent", method: "POST", path: "/t001_02/files/", files: [], expect: 200 },
  { name: "t001_02: bytes: sent", method: "POST", path: "/t001_02/files/", files: [txt("file")], expect: 200 },
  { name: "t001_02: bytes: empty file is falsy", method: "POST", path: "/t001_02/files/", files: [txt("file", "e.txt", "")], expect: 200 },
  { name: "t001_02: bytes: no body at all", method: "POST", path: "/t001_02/files/", expect: 200 },
  { name: "t001_02: UploadFile: none sent", method: "POST", path: "/t001_02/uploadfile/", files: [], expect: 200 },
  { name: "t001_02: UploadFile: sent", method: "POST", path: "/t001_02/uploadfile/", files: [txt("file", "x.png")], expect: 200 },
  // tutorial001_03: with descriptions
  { name: "t001_03: bytes", method: "POST", path: "/t001_03/files/", files: [txt("file")], expect: 200 },
  { name: "t001_03: UploadFile", method: "POST", path: "/t001_03/uploadfile/", files: [txt("file", "d.txt")], expect: 200 },
  // tutorial002 and 003: several files
  { name: "t002: several as bytes", method: "POST", path: "/t002/files/", files: [txt("files", "a", "1"), txt("files", "b", "22"), txt("files", "c", "")], expect: 200 },
  { name: "t002: one as a list of bytes", method: "POST", path: "/t002/files/", files: [txt("files")], expect: 200 },
  { name: "t002: none", method: "POST", path: "/t002/files/", files: [], expect: 422, exact: true },
  { name: "t002: several UploadFiles", method: "POST", path: "/t002/uploadfiles/", files: [txt("files", "a.txt"), txt("files", "b.txt")], expect: 200 },
  { name: "t002: files and a plain field mixed", method: "POST", path: "/t002/uploadfiles/", form: { files: "text" }, files: [txt("files", "a.txt")], expect: 422, exact: true },
  { name: "t002: the HTML form", method: "GET", path: "/t002/", expect: 200 },
  { name: "t003: several as bytes", method: "POST", path: "/t003/files/", files: [txt("files", "a", "abc"), txt("files", "b", "de")], expect: 200 },
  { name: "t003: several UploadFiles", method: "POST", path: "/t003/uploadfiles/", files: [txt("files", "x"), txt("files", "y")], expect: 200 },
];
